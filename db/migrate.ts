import path from "node:path";
import type { MigrationConfig } from "drizzle-orm/migrator";
import type { Database } from "./database";
import { type EmbeddingSpace, ensureVectorIndex } from "./vector-index";

/** Migrations are files in the repository; the app and scripts always run from its root. */
export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export const migrationConfig: MigrationConfig = { migrationsFolder };

/**
 * Brings a database up to date: the drizzle-kit migrations (idempotent: applied ones are recorded in
 * drizzle.__drizzle_migrations), then the vector index of the current embedding model.
 * The caller serialises concurrent runs (see openDatabase).
 */
export async function migrateDatabase(
  db: Database,
  runMigrations: (config: MigrationConfig) => Promise<void>,
  embedding?: EmbeddingSpace,
): Promise<void> {
  await runMigrations(migrationConfig);
  if (embedding) await ensureVectorIndex(db, embedding);
}
