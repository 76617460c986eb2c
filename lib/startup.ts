import { DatabaseInUseError } from "@/db/pglite";
import { ConfigError, getConfig } from "./config";

/**
 * Server start-up: a bad setting stops the process with one line naming it, before any request is
 * served; then the database is opened (and migrated) in the background so the first request is fast.
 */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const [{ getDatabase }, { log }] = await Promise.all([import("./database"), import("./log")]);
  const config = getConfig();
  log.info(
    { database: config.database.kind, chatModel: config.chat.model, embeddingModel: config.embedding.model },
    "Docent is starting",
  );
  try {
    await getDatabase();
    log.info({ database: config.database.kind }, "Database ready");
    const { startInProcessIngestWorker } = await import("./ingest/in-process-worker");
    await startInProcessIngestWorker();
  } catch (error) {
    // Another process holds the embedded database: serving would only fail every request.
    if (error instanceof DatabaseInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    // Otherwise not fatal: /api/health reports it and the next request tries again.
    log.error({ error: (error as Error).message }, "Database unavailable at start-up");
  }
}
