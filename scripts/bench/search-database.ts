import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import type { Database, DatabaseConnection, DatabaseKind, DatabaseLocation } from "@/db/database";
import { chunks, sources } from "@/db/schema";
import { type EmbeddingSpace, ensureVectorIndex, vectorIndexName } from "@/db/vector-index";
import { contentHash } from "@/lib/ai/content-hash";
import { createScratchPostgresDatabase } from "@/tests/helpers/scratch-postgres";
import { syntheticChunk } from "./search-corpus";

export const CHUNKS_PER_SOURCE = 100;
const SOURCES_PER_TRANSACTION = 5;

/**
 * An empty, migrated database for one benchmark run, removed afterwards: a scratch database on the
 * Postgres server at `postgresUrl`, or PGlite in a temporary folder. Opened without an embedding
 * space, so no HNSW index slows the bulk load (see buildVectorIndex).
 */
export async function withBenchmarkDatabase<T>(
  kind: DatabaseKind,
  postgresUrl: string | undefined,
  use: (connection: DatabaseConnection) => Promise<T>,
): Promise<T> {
  let location: DatabaseLocation;
  let cleanup: () => Promise<void>;
  if (kind === "postgres") {
    if (!postgresUrl) throw new Error("Set TEST_DATABASE_URL or BENCH_DATABASE_URL to benchmark Postgres");
    const scratch = await createScratchPostgresDatabase(postgresUrl);
    location = { kind, url: scratch.url };
    cleanup = scratch.drop;
  } else {
    // On disk rather than in memory: 100k chunks with their vectors would crowd PGlite's WASM heap.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "docent-bench-search-"));
    location = { kind, dataDir };
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  }
  const connection = await openDatabase({ location });
  try {
    return await use(connection);
  } finally {
    await connection.close();
    await cleanup();
  }
}

/**
 * Adds ready sources of CHUNKS_PER_SOURCE synthetic chunks, numbered from `from` up to `to`, stored
 * as the pipeline stores chunks (tsv from to_tsvector); answers the rare words they contain.
 */
export async function loadSyntheticChunks(
  db: Database,
  {
    space,
    from,
    to,
    paragraphs,
    random,
    nextVector,
  }: {
    space: EmbeddingSpace;
    from: number;
    to: number;
    paragraphs: string[];
    random: () => number;
    nextVector: () => number[];
  },
): Promise<string[]> {
  const rareWords: string[] = [];
  const perTransaction = CHUNKS_PER_SOURCE * SOURCES_PER_TRANSACTION;
  for (let first = from; first < to; first += perTransaction) {
    await db.transaction(async (tx) => {
      for (let start = first; start < Math.min(to, first + perTransaction); start += CHUNKS_PER_SOURCE) {
        const [source] = await tx
          .insert(sources)
          .values({
            name: `bench-${start / CHUNKS_PER_SOURCE}.txt`,
            mimeType: "text/plain",
            format: "text",
            sizeBytes: 1,
            sha256: contentHash(`bench source ${start}`),
            status: "ready",
            progress: 1,
            chunkCount: CHUNKS_PER_SOURCE,
            embeddingModel: space.model,
          })
          .returning({ id: sources.id });
        const rows = Array.from({ length: CHUNKS_PER_SOURCE }, (_, ordinal) => {
          const chunk = syntheticChunk(paragraphs, random, nextVector);
          rareWords.push(...chunk.rareWords);
          return {
            sourceId: source?.id as string,
            ordinal,
            content: chunk.content,
            tokenCount: 200,
            page: null,
            headingPath: ["Benchmark"],
            contentHash: contentHash(chunk.content),
            embedding: chunk.embedding,
            embeddingModel: space.model,
            tsv: sql`to_tsvector('english', ${chunk.content})`,
          };
        });
        await tx.insert(chunks).values(rows);
      }
    });
  }
  return rareWords;
}

/**
 * (Re)builds the model's HNSW index over the loaded chunks in one bulk build: inserting 100k rows
 * into an existing index takes PGlite ~10 ms a row. The app builds the index on an empty table and
 * grows it row by row instead; the graph is the same kind either way. Then VACUUM ANALYZE, for a
 * steady state: VACUUM also empties the GIN index's pending list, which bulk inserts fill and every
 * full-text lookup scans until then (autovacuum does this on Postgres; PGlite has no autovacuum).
 * Answers the seconds it took.
 */
export async function buildVectorIndex(
  db: Database,
  kind: DatabaseKind,
  space: EmbeddingSpace,
): Promise<number> {
  const start = performance.now();
  await db.execute(sql.raw(`drop index if exists ${vectorIndexName(space)}`));
  await db.transaction(async (tx) => {
    // The graph is built in memory when it fits; PGlite's 32-bit WASM heap cannot grant 1 GB.
    await tx.execute(sql.raw(`set local maintenance_work_mem = '${kind === "pglite" ? "512MB" : "1GB"}'`));
    await ensureVectorIndex(tx, space);
  });
  await db.execute(sql`vacuum analyze chunks`);
  return Math.round((performance.now() - start) / 100) / 10;
}
