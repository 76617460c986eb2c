import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import lockfile from "proper-lockfile";
import type { DatabaseConnection, OpenDatabaseOptions } from "./database";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

/** PGlite is a single-process database: a second process opening the same folder would corrupt it. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

async function lockDataDir(dir: string, log: OpenDatabaseOptions["log"]): Promise<() => Promise<void>> {
  try {
    // The lock is refreshed every 5 s and counts as stale after 15 s, so a crashed process's lock
    // is taken over by the next start; the retries (~21 s in all) cover that window.
    return await lockfile.lock(dir, {
      realpath: false,
      stale: 15_000,
      update: 5_000,
      retries: { retries: 10, factor: 1.5, minTimeout: 500, maxTimeout: 3_000 },
      onCompromised: (error) => log?.("The embedded database lock was lost", { error: error.message }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DatabaseInUseError(
        `The embedded database in ${dir} is in use by another Docent process (is \`npm run dev\` running?). ` +
          "Stop it, or set DATABASE_URL to share a Postgres server between processes.",
      );
    }
    throw error;
  }
}

/** Opens PGlite with pgvector: persisted in dataDir when given, in memory otherwise (tests). */
export async function openPglite(
  dataDir: string | undefined,
  options: Pick<OpenDatabaseOptions, "embedding" | "log">,
): Promise<DatabaseConnection> {
  let unlock: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (dataDir) {
    dir = path.resolve(dataDir, "pglite");
    await mkdir(dir, { recursive: true });
    unlock = await lockDataDir(dir, options.log);
  }
  try {
    const client = await PGlite.create({ dataDir: dir, extensions: { vector } });
    const db = drizzle({ client, schema, casing: "snake_case" });
    await migrateDatabase(db, (config) => migrate(db, config), options.embedding);
    return {
      kind: "pglite",
      db,
      ping: async () => {
        await client.query("select 1");
      },
      close: async () => {
        await client.close();
        await unlock?.();
      },
    };
  } catch (error) {
    await unlock?.();
    throw error;
  }
}
