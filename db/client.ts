import type { DatabaseConnection, OpenDatabaseOptions } from "./database";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export type { Database, DatabaseConnection, DatabaseKind, DatabaseLocation } from "./database";

/**
 * Opens the database Docent runs on, migrated and ready: embedded PGlite (persisted in a folder, or
 * in memory when none is given) or a Postgres server. Callers see the same Drizzle API either way.
 */
export function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseConnection> {
  const { location, ...rest } = options;
  return location.kind === "postgres" ? openPostgres(location.url, rest) : openPglite(location.dataDir, rest);
}
