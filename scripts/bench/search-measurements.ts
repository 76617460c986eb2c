import { sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import {
  EXACT_SCAN_MAX_CHUNKS,
  nearestChunksStatement,
  searchChunksByText,
  searchChunksByVector,
} from "@/db/queries/search-chunks";
import type { EmbeddingSpace } from "@/db/vector-index";
import { hybridSearchWithEmbedding, type QueryEmbedding } from "@/lib/retrieval/hybrid-search";
import { percentiles, round } from "./percentiles";
import { CHUNKS_PER_SOURCE } from "./search-database";

const K = 8;
const CANDIDATES = 4 * K;
const EF_SEARCH_SWEEP = [40, 100, 200];

/** Milliseconds of each call, one call at a time. */
export async function timeEach<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await run(item);
    times.push(performance.now() - start);
  }
  return times;
}

export interface BenchmarkQuery {
  query: string;
  embedding: QueryEmbedding;
}

/** Search latency per leg and fused, with and without a source filter, one query at a time. */
export async function measureLatency(
  db: Database,
  { rare, common }: { rare: BenchmarkQuery[]; common: BenchmarkQuery[] },
) {
  const all = [...rare, ...common];
  const hybrid = ({ query, embedding }: BenchmarkQuery, sourceIds?: string[]) =>
    hybridSearchWithEmbedding({ db, query, embedding, k: K, sourceIds });
  const vector = ({ embedding: { vector, model, dimensions } }: BenchmarkQuery) =>
    searchChunksByVector({ db, embedding: vector, model, dimensions, limit: CANDIDATES });
  const text = ({ query }: BenchmarkQuery) => searchChunksByText({ db, query, limit: CANDIDATES });

  const { rows } = await db.execute<{ id: string }>(sql`select id from sources order by id`);
  /** Hybrid search limited to the first sources holding `share` of the chunks. */
  const filtered = async (share: number) => {
    const chosen = rows.slice(0, Math.max(1, Math.round(rows.length * share))).map((row) => row.id);
    const chosenChunks = chosen.length * CHUNKS_PER_SOURCE;
    const resultCounts = new Set<number>();
    const ms = await timeEach(all, async (item) => resultCounts.add((await hybrid(item, chosen)).length));
    return {
      chosenChunks,
      vectorLeg: chosenChunks <= EXACT_SCAN_MAX_CHUNKS ? "exact scan" : "iterative HNSW scan",
      resultCounts: [...resultCounts],
      ...percentiles(ms),
    };
  };

  await timeEach(all.slice(0, 10), (item) => hybrid(item)); // warm caches and connections
  const rareMs = await timeEach(rare, (item) => hybrid(item));
  const commonMs = await timeEach(common, (item) => hybrid(item));
  return {
    hybridMs: {
      all: percentiles([...rareMs, ...commonMs]),
      rareWordQueries: percentiles(rareMs),
      commonWordQueries: percentiles(commonMs),
    },
    // Where a plain HNSW scan would come back short: 1% and 10% of the chunks chosen.
    filteredHybridMs: { "1%": await filtered(0.01), "10%": await filtered(0.1) },
    vectorLegMs: percentiles(await timeEach(all, vector)),
    textLegMs: {
      rareWordQueries: percentiles(await timeEach(rare, text)),
      commonWordQueries: percentiles(await timeEach(common, text)),
    },
  };
}

/** The ids of the 10 nearest chunks, under the given settings (SET LOCAL: for this query only). */
async function nearestTen(
  db: Database,
  space: EmbeddingSpace,
  vector: number[],
  settings: Record<string, string>,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    for (const [name, value] of Object.entries(settings)) {
      await tx.execute(sql`select set_config(${name}, ${value}, true)`);
    }
    if (settings.enable_indexscan === "off") {
      const { rows } = await tx.execute(
        sql`explain ${nearestChunksStatement({ embedding: vector, ...space, limit: 10 })}`,
      );
      const plan = rows.map((row) => Object.values(row)[0]).join("\n");
      if (plan.includes("hnsw")) throw new Error(`The exact search still walks the HNSW index:\n${plan}`);
    }
    const { rows } = await tx.execute<{ id: string }>(
      nearestChunksStatement({ embedding: vector, ...space, limit: 10 }),
    );
    return rows.map((row) => row.id);
  });
}

/**
 * HNSW recall@10 against exact search (a sequential scan: index scans off), for the vector leg as it
 * searches and for a few ef_search values, with the milliseconds each took.
 */
export async function measureRecall(db: Database, space: EmbeddingSpace, probes: number[][]) {
  const exact: string[][] = [];
  for (const vector of probes) exact.push(await nearestTen(db, space, vector, { enable_indexscan: "off" }));
  const recallAt10 = (found: string[][]) =>
    round(
      found.reduce((sum, ids, index) => sum + ids.filter((id) => exact[index]?.includes(id)).length / 10, 0) /
        found.length,
      3,
    );

  const asSearched: string[][] = [];
  const asSearchedMs = await timeEach(probes, async (vector) => {
    const matches = await searchChunksByVector({ db, embedding: vector, ...space, limit: 10 });
    asSearched.push(matches.map((match) => match.chunkId));
  });
  const result: Record<string, { recallAt10: number; ms: { p50: number; p95: number } }> = {
    asSearched: { recallAt10: recallAt10(asSearched), ms: percentiles(asSearchedMs) },
  };
  for (const ef of EF_SEARCH_SWEEP) {
    const found: string[][] = [];
    const ms = await timeEach(probes, async (vector) => {
      found.push(await nearestTen(db, space, vector, { "hnsw.ef_search": String(ef) }));
    });
    result[`efSearch${ef}`] = { recallAt10: recallAt10(found), ms: percentiles(ms) };
  }
  return result;
}
