import { sql } from "drizzle-orm";
import type { Database } from "../database";
import { chunks, sources } from "../schema";

export interface SourceTotals {
  sources: number;
  /** Chunks stored now, counted from the chunks table rather than trusted from each source's count. */
  chunks: number;
  /** Bytes of the original files kept for download and re-indexing. */
  fileBytes: number;
}

/** What the library holds in all: sources, chunks and the size of the stored files. */
export async function getSourceTotals({ db }: { db: Database }): Promise<SourceTotals> {
  const [totals] = await db
    .select({
      sources: sql<string>`count(*)`,
      fileBytes: sql<string>`coalesce(sum(${sources.sizeBytes}), 0)`,
      chunks: sql<string>`(select count(*) from ${chunks})`,
    })
    .from(sources);
  // count and sum are bigint/numeric in Postgres and arrive as strings.
  return {
    sources: Number(totals?.sources ?? 0),
    chunks: Number(totals?.chunks ?? 0),
    fileBytes: Number(totals?.fileBytes ?? 0),
  };
}
