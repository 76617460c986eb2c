import pino from "pino";
import { getConfig } from "./config";

/** LOG_LEVEL when the configuration is valid; otherwise its error is reported where it is used. */
function configuredLevel(): string {
  try {
    return getConfig().logLevel;
  } catch {
    return "info";
  }
}

/** Structured JSON logs on stdout, at LOG_LEVEL. */
export const log = pino({
  name: "docent",
  level: configuredLevel(),
  base: undefined,
});
