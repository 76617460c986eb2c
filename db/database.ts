import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** What both drivers' raw query results share: `db.execute<Row>(sql)` resolves to `{ rows: Row[] }`. */
export interface RowsQueryResultHKT extends PgQueryResultHKT {
  type: QueryRows<this["row"]>;
}
type QueryRows<Row> = { rows: Row[] };

/** The Drizzle database, the same type whether PGlite or a Postgres pool is behind it. */
export type Database = PgDatabase<RowsQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseConnection {
  kind: DatabaseKind;
  db: Database;
  /** Resolves when the database answers a trivial query, rejects with the driver's reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where to find the database; exactly one of the two. */
export type DatabaseLocation = { kind: "pglite"; dataDir?: string } | { kind: "postgres"; url: string };

export interface OpenDatabaseOptions {
  location: DatabaseLocation;
  /** The embedding model whose HNSW index must exist; none when the caller only reads. */
  embedding?: { model: string; dimensions: number };
  /** Receives one line per noteworthy event (migrations applied, pool errors). */
  log?: (message: string, details?: Record<string, unknown>) => void;
}
