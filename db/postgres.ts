import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { DatabaseConnection, OpenDatabaseOptions } from "./database";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

// Any constant works; it only has to be the same in every Docent process sharing a server.
const MIGRATION_LOCK_KEY = 4_242_001;

/** Opens a node-postgres pool, migrating under an advisory lock so concurrent starts take turns. */
export async function openPostgres(
  url: string,
  options: Pick<OpenDatabaseOptions, "embedding" | "log">,
): Promise<DatabaseConnection> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's connection dropping (server restart) must not crash the process; the pool
  // discards that client and the next query opens a fresh connection.
  pool.on("error", (error) => options.log?.("Postgres connection lost", { error: error.message }));

  try {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      const lockedDb = drizzle({ client, schema, casing: "snake_case" });
      await migrateDatabase(lockedDb, (config) => migrate(lockedDb, config), options.embedding);
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      client.release();
    } catch (error) {
      // Destroying the connection also releases its advisory lock.
      client.release(error as Error);
      throw error;
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    kind: "postgres",
    db: drizzle({ client: pool, schema, casing: "snake_case" }),
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}
