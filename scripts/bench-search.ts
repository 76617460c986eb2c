import os from "node:os";
import { parseArgs } from "node:util";
import type { DatabaseKind } from "@/db/database";
import {
  createLocalEmbedder,
  LOCAL_EMBEDDING_DIMENSIONS,
  LOCAL_EMBEDDING_MODEL,
} from "@/lib/ai/local-embedder";
import { percentiles } from "./bench/percentiles";
import {
  benchmarkParagraphs,
  COMMON_WORD_QUESTIONS,
  randomVectors,
  rareWordQuestions,
  type VectorKind,
} from "./bench/search-corpus";
import { buildVectorIndex, loadSyntheticChunks, withBenchmarkDatabase } from "./bench/search-database";
import { type BenchmarkQuery, measureLatency, measureRecall, timeEach } from "./bench/search-measurements";
import { seededRandom } from "./bench/seeded-random";

// `npm run bench:search`: search latency (p50/p95, k = 8) and HNSW recall@10 against exact search at
// each corpus size, on PGlite and, when TEST_DATABASE_URL or BENCH_DATABASE_URL names a server, on
// Postgres; printed as JSON. Query vectors are precomputed, so the latencies are the database's; the
// local model's time to embed a question is reported apart. `--vectors uniform` measures the worst
// case for HNSW (see randomVectors).
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    queries: { type: "string", default: "40" },
    databases: { type: "string", default: "pglite,postgres" },
    vectors: { type: "string", default: "embedding-like" },
  },
});

const SPACE = { model: LOCAL_EMBEDDING_MODEL, dimensions: LOCAL_EMBEDDING_DIMENSIONS };
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const sizes = values.sizes.split(",").map(Number);
const queryCount = Number(values.queries);
const vectorKind = values.vectors as VectorKind;
if (vectorKind !== "embedding-like" && vectorKind !== "uniform") {
  throw new Error(`--vectors must be embedding-like or uniform, got ${values.vectors}`);
}

/** Loads each size in turn (growing one corpus), builds the index, and measures. */
async function benchmarkDatabase(kind: DatabaseKind, paragraphs: string[]) {
  return withBenchmarkDatabase(kind, postgresUrl, async ({ db }) => {
    const random = seededRandom(42);
    const nextVector = randomVectors(vectorKind, random, SPACE.dimensions);
    const queries = (texts: string[]): BenchmarkQuery[] =>
      texts.map((query) => ({ query, embedding: { vector: nextVector(), ...SPACE } }));
    const rareWords: string[] = [];
    const bySize: Record<string, unknown> = {};
    let loaded = 0;
    for (const size of sizes) {
      const loadStart = performance.now();
      const added = await loadSyntheticChunks(db, {
        space: SPACE,
        from: loaded,
        to: size,
        paragraphs,
        random,
        nextVector,
      });
      rareWords.push(...added);
      const loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;
      loaded = size;
      const indexBuildSeconds = await buildVectorIndex(db, kind, SPACE);
      const pick = () => rareWords[Math.floor(random() * rareWords.length)] as string;
      const rare = queries(rareWordQuestions(Array.from({ length: queryCount }, pick)));
      const common = queries(
        Array.from(
          { length: queryCount },
          (_, index) => COMMON_WORD_QUESTIONS[index % COMMON_WORD_QUESTIONS.length] as string,
        ),
      );
      bySize[String(size)] = {
        loadSeconds,
        indexBuildSeconds,
        ...(await measureLatency(db, { rare, common })),
        hnswRecallAt10: await measureRecall(
          db,
          SPACE,
          [...rare, ...common].map((item) => item.embedding.vector),
        ),
      };
    }
    return bySize;
  });
}

async function queryEmbeddingMs(): Promise<{ p50: number; p95: number }> {
  const embedder = createLocalEmbedder();
  try {
    await embedder.embed(["Load the model first."]);
    const questions = [...COMMON_WORD_QUESTIONS, ...COMMON_WORD_QUESTIONS];
    return percentiles(await timeEach(questions, (question) => embedder.embed([question])));
  } finally {
    await embedder.close();
  }
}

const paragraphs = await benchmarkParagraphs();
const kinds = values.databases
  .split(",")
  .filter((kind): kind is DatabaseKind => kind === "pglite" || (kind === "postgres" && Boolean(postgresUrl)));
const results: Record<string, unknown> = {};
for (const kind of kinds) results[kind] = await benchmarkDatabase(kind, paragraphs);

console.log(
  JSON.stringify(
    {
      benchmark: "search",
      machine: { cpus: os.availableParallelism(), node: process.version },
      setup: {
        k: 8,
        queriesPerKind: queryCount,
        chunkCharacters: 1000,
        vectors: vectorKind,
        vectorIndex:
          "bulk-built after each load (CREATE INDEX, then VACUUM ANALYZE); the app grows it row by row on ingest",
        latency: "one query at a time, query vectors precomputed",
      },
      queryEmbeddingMs: await queryEmbeddingMs(),
      results,
    },
    null,
    2,
  ),
);
