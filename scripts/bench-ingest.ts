import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import type { DatabaseConnection, DatabaseLocation } from "@/db/database";
import { replaceChunksForSource } from "@/db/queries/chunks";
import { claimNextIngestJob } from "@/db/queries/ingest-jobs";
import { insertSourceWithFile } from "@/db/queries/sources";
import { contentHash } from "@/lib/ai/content-hash";
import { createLocalEmbedder } from "@/lib/ai/local-embedder";
import { acceptUploads } from "@/lib/ingest/accept-uploads";
import type { TextBlock } from "@/lib/ingest/blocks";
import { chunkBlocks } from "@/lib/ingest/chunk";
import { drainIngestQueue } from "@/lib/ingest/ingest-worker";
import { parseDocument } from "@/lib/ingest/parse";
import { createScratchPostgresDatabase } from "@/tests/helpers/scratch-postgres";
import { makeCorpus } from "./bench/corpus";

// `npm run bench:ingest`: ingestion speed, printed as JSON. Postgres is measured when
// TEST_DATABASE_URL (or BENCH_DATABASE_URL) names a server; each run uses a scratch database.
const { values } = parseArgs({
  options: {
    documents: { type: "string", default: "60" },
    "insert-chunks": { type: "string", default: "2000" },
    "embed-chunks": { type: "string", default: "120" },
  },
});

const MB = 1024 * 1024;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const seconds = (start: number) => (performance.now() - start) / 1000;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const LOCAL = { model: "local/universal-sentence-encoder-lite", dimensions: 512 };

async function withDatabase<T>(
  kind: "pglite" | "postgres",
  use: (connection: DatabaseConnection) => Promise<T>,
): Promise<T> {
  let location: DatabaseLocation;
  let cleanup: () => Promise<void>;
  if (kind === "postgres") {
    const scratch = await createScratchPostgresDatabase(postgresUrl as string);
    location = { kind, url: scratch.url };
    cleanup = scratch.drop;
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "docent-bench-"));
    location = { kind, dataDir };
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  }
  const connection = await openDatabase({ location, embedding: LOCAL });
  try {
    return await use(connection);
  } finally {
    await connection.close();
    await cleanup();
  }
}

/** Chunks/s for one replace of `count` chunks with 512-d vectors, the way the pipeline stores them. */
async function measureInsert(connection: DatabaseConnection, count: number): Promise<number> {
  const { db } = connection;
  await insertSourceWithFile({
    db,
    source: {
      name: "insert.txt",
      mimeType: "text/plain",
      format: "text",
      sizeBytes: 1,
      sha256: "0".repeat(64),
    },
    bytes: new Uint8Array([65]),
  });
  const job = await claimNextIngestJob({ db, leaseMs: 600_000, maxAttempts: 3 });
  if (!job) throw new Error("no job to store chunks for");
  const content = "Refunds are processed within fourteen days of receiving the returned item. ".repeat(13);
  const rows = Array.from({ length: count }, (_, index) => ({
    content: `${index} ${content}`,
    tokenCount: 200,
    page: null,
    headingPath: ["Benchmark"],
    contentHash: contentHash(`${index} ${content}`),
    embedding: Array.from({ length: 512 }, () => Math.random() - 0.5),
    searchText: `${index} ${content}`,
  }));
  const start = performance.now();
  await replaceChunksForSource({ db, job, chunks: rows, embeddingModel: LOCAL.model });
  return count / seconds(start);
}

const corpus = await makeCorpus({ count: Number(values.documents) });
const corpusBytes = corpus.reduce((sum, doc) => sum + doc.bytes.byteLength, 0);

// Parsing, per format.
const parseMBps: Record<string, number> = {};
const blocks: TextBlock[] = [];
for (const format of new Set(corpus.map((doc) => doc.format))) {
  const docs = corpus.filter((doc) => doc.format === format);
  const start = performance.now();
  for (const doc of docs) blocks.push(...(await parseDocument(doc.bytes, doc.format)));
  parseMBps[format] = round(docs.reduce((sum, doc) => sum + doc.bytes.byteLength, 0) / MB / seconds(start));
}

// Chunking.
const textBytes = blocks.reduce((sum, block) => sum + Buffer.byteLength(block.text), 0);
const chunkStart = performance.now();
const chunks = chunkBlocks(blocks);
const chunkMBps = round(textBytes / MB / seconds(chunkStart));

// Local embedding of ~1,000-character chunks, on one thread and on all cores.
const sample = chunks
  .map((chunk) => chunk.content.slice(0, 1000))
  .filter((text) => text.length >= 900)
  .slice(0, Number(values["embed-chunks"]));
const embedChunksPerSecond: Record<string, number> = {};
for (const threads of [1, os.availableParallelism()]) {
  const embedder = createLocalEmbedder({ threads });
  await embedder.embed(sample.slice(0, threads * 4)); // load the model in every thread first
  const start = performance.now();
  await embedder.embed(sample);
  embedChunksPerSecond[`${threads}-thread${threads > 1 ? "s" : ""}`] = round(sample.length / seconds(start));
  await embedder.close();
}

// Inserts and the whole pipeline, per database.
const kinds: ("pglite" | "postgres")[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];
const insertChunksPerSecond: Record<string, number> = {};
const endToEnd: Record<string, { seconds: number; chunks: number; failed: number }> = {};
const embedder = createLocalEmbedder();
for (const kind of kinds) {
  insertChunksPerSecond[kind] = round(
    await withDatabase(kind, (connection) => measureInsert(connection, Number(values["insert-chunks"]))),
  );
  endToEnd[kind] = await withDatabase(kind, async ({ db }) => {
    const start = performance.now();
    await acceptUploads({
      db,
      files: corpus.map((doc) => ({ name: doc.name, bytes: doc.bytes })),
      maxUploadBytes: 50 * MB,
    });
    await drainIngestQueue({ db, embedder });
    const elapsed = round(seconds(start));
    const { sources } = await import("@/db/schema");
    const rows = await db.select({ status: sources.status, chunkCount: sources.chunkCount }).from(sources);
    return {
      seconds: elapsed,
      chunks: rows.reduce((sum, row) => sum + row.chunkCount, 0),
      failed: rows.filter((row) => row.status !== "ready").length,
    };
  });
}
await embedder.close();

console.log(
  JSON.stringify(
    {
      benchmark: "ingest",
      machine: { cpus: os.availableParallelism(), node: process.version },
      corpus: {
        documents: corpus.length,
        megabytes: round(corpusBytes / MB, 2),
        textMegabytes: round(textBytes / MB, 2),
      },
      parseMBps,
      chunkMBps,
      chunks: chunks.length,
      embedChunksPerSecond,
      insertChunksPerSecond,
      endToEnd,
      peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    },
    null,
    2,
  ),
);
