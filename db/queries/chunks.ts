import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { chunks, sources } from "../schema";
import { type ClaimedJob, LeaseLostError } from "./ingest-jobs";

export interface ChunkToStore {
  content: string;
  tokenCount: number;
  page: number | null;
  headingPath: string[];
  contentHash: string;
  embedding: number[];
  /** The text full-text search indexes: the content, with CJK words separated (see lib/ingest/search-text.ts). */
  searchText: string;
}

// Rows per INSERT: ~10 parameters each keeps a statement far below Postgres's 65,535-parameter limit,
// while few enough statements keep PGlite's per-statement overhead small.
const ROWS_PER_INSERT = 500;

/**
 * Replaces a source's chunks and marks it ready, in one transaction: a job that runs twice leaves the
 * same chunks, never duplicates, and a reader never sees half a source. Only the worker holding the
 * job's lease may do this; otherwise nothing is written (LeaseLostError).
 */
export async function replaceChunksForSource({
  db,
  job,
  chunks: rows,
  embeddingModel,
}: {
  db: Database;
  job: ClaimedJob;
  chunks: ChunkToStore[];
  embeddingModel: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(sources)
      .set({
        status: "ready",
        stage: null,
        progress: 1,
        error: null,
        chunkCount: rows.length,
        embeddingModel,
        leaseToken: null,
        leaseExpiresAt: null,
      })
      .where(and(eq(sources.id, job.sourceId), eq(sources.leaseToken, job.leaseToken)))
      .returning({ id: sources.id });
    if (claimed.length === 0) throw new LeaseLostError(`Lost the lease on source ${job.sourceId}`);

    await tx.delete(chunks).where(eq(chunks.sourceId, job.sourceId));
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const batch = rows.slice(start, start + ROWS_PER_INSERT);
      await tx.insert(chunks).values(
        batch.map((row, index) => ({
          sourceId: job.sourceId,
          ordinal: start + index,
          content: row.content,
          tokenCount: row.tokenCount,
          page: row.page,
          headingPath: row.headingPath,
          contentHash: row.contentHash,
          embedding: row.embedding,
          embeddingModel,
          tsv: sql`to_tsvector('english', ${row.searchText})`,
        })),
      );
    }
  });
}
