import { sql } from "drizzle-orm";
import type { Database } from "../database";

// Candidates the graph walk keeps. On 100k embedding-like 512-d vectors, pgvector's default of 40
// finds ~0.95 of the true top 10 and 100 finds ~0.99, for a few milliseconds more (npm run bench:search).
const EF_SEARCH = 100;
// pgvector refuses a larger ef_search.
const MAX_EF_SEARCH = 1_000;
// pgvector's default cap on the tuples one iterative scan visits.
const DEFAULT_MAX_SCAN_TUPLES = 20_000;

const iterativeScanSupport = new WeakMap<Database, Promise<boolean>>();

/**
 * Whether the database's pgvector has iterative index scans (0.8 and later; PGlite ships 0.8.7), asked
 * once per database. Docent supports pgvector 0.7, where setting hnsw.iterative_scan is an error.
 */
export function supportsIterativeScans(db: Database): Promise<boolean> {
  let supported = iterativeScanSupport.get(db);
  if (!supported) {
    supported = db
      .execute<{ version: string }>(
        sql`select extversion as version from pg_extension where extname = 'vector'`,
      )
      .then(({ rows }) => {
        const [major = 0, minor = 0] = (rows[0]?.version ?? "0.0").split(".").map(Number);
        return major > 0 || minor >= 8;
      });
    iterativeScanSupport.set(db, supported);
    // A failed check is asked again next time rather than remembered.
    supported.catch(() => iterativeScanSupport.delete(db));
  }
  return supported;
}

/**
 * Sets, for the current transaction only, how the HNSW index is walked for one search whose filters
 * (chosen sources, ready sources) pass about `passingShare` of the indexed chunks. A plain scan
 * stops after ef_search candidates and filters afterwards, so a selective filter leaves too few rows.
 * With iterative scans, the walk goes on until `limit` rows pass (relaxed_order: the rows come back
 * nearly sorted, and the caller sorts them), visiting up to twice the tuples that should take.
 * Without them, ef_search is raised as far as pgvector allows instead.
 */
export async function tuneHnswScan(
  tx: Database,
  { limit, passingShare, iterative }: { limit: number; passingShare: number; iterative: boolean },
): Promise<void> {
  const tuplesNeeded = Math.ceil((2 * limit) / Math.max(passingShare, 1e-9));
  const efSearch = Math.max(EF_SEARCH, limit);
  // set_config(…, true) is SET LOCAL: the settings end with the transaction and never leak into a
  // pooled connection's next query.
  if (iterative) {
    await tx.execute(sql`select
      set_config('hnsw.iterative_scan', 'relaxed_order', true),
      set_config('hnsw.ef_search', ${String(efSearch)}, true),
      set_config('hnsw.max_scan_tuples', ${String(Math.max(DEFAULT_MAX_SCAN_TUPLES, tuplesNeeded))}, true)`);
  } else {
    const widened = Math.min(MAX_EF_SEARCH, Math.max(efSearch, tuplesNeeded));
    await tx.execute(sql`select set_config('hnsw.ef_search', ${String(widened)}, true)`);
  }
}
