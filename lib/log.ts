import pino from "pino";
import { getConfig } from "./config";

/** Structured JSON logs on stdout, at LOG_LEVEL. */
export const log = pino({
  name: "docent",
  level: getConfig().logLevel,
  base: undefined,
});
