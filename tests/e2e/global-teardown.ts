import { rm } from "node:fs/promises";

/** Removes the run's data folder (see playwright.config.ts) once the server has stopped. */
export default async function globalTeardown(): Promise<void> {
  const dataDir = process.env.DOCENT_E2E_DATA_DIR;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
