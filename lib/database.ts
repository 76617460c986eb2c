import { openDatabase } from "@/db/client";
import type { DatabaseConnection } from "@/db/database";
import { getConfig } from "./config";
import { log } from "./log";

// Kept on globalThis so Next.js's module reloads in development reuse one connection (and, for
// PGlite, one process-wide lock on the data folder) instead of opening another on every edit.
const globalForDb = globalThis as unknown as { docentDatabase?: Promise<DatabaseConnection> };

/**
 * The process's database connection, opened and migrated on first use. A failed open is not kept,
 * so the next call tries again: the app recovers by itself once the database is back.
 */
export function getDatabase(): Promise<DatabaseConnection> {
  if (!globalForDb.docentDatabase) {
    const config = getConfig();
    const opening = openDatabase({
      location: config.database,
      embedding: config.embedding,
      log: (message, details) => log.warn(details ?? {}, message),
    });
    globalForDb.docentDatabase = opening;
    opening.catch(() => {
      if (globalForDb.docentDatabase === opening) globalForDb.docentDatabase = undefined;
    });
  }
  return globalForDb.docentDatabase;
}

/** Closes the process's connection (scripts and tests call this before exiting). */
export async function closeDatabase(): Promise<void> {
  const opening = globalForDb.docentDatabase;
  globalForDb.docentDatabase = undefined;
  if (opening) await (await opening).close();
}
