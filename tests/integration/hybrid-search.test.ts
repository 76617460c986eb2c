import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { replaceChunksForSource } from "@/db/queries/chunks";
import { claimNextIngestJob } from "@/db/queries/ingest-jobs";
import { nearestChunksStatement, searchChunksByVector } from "@/db/queries/search-chunks";
import { deleteSourceById, insertSourceWithFile, requeueSourceById } from "@/db/queries/sources";
import { sources } from "@/db/schema";
import { ensureVectorIndex, vectorIndexName } from "@/db/vector-index";
import { contentHash } from "@/lib/ai/content-hash";
import { createLocalEmbedder } from "@/lib/ai/local-embedder";
import { acceptUploads } from "@/lib/ingest/accept-uploads";
import { drainIngestQueue } from "@/lib/ingest/ingest-worker";
import { embedQuery, hybridSearch, textSearch, vectorSearch } from "@/lib/retrieval/hybrid-search";
import { readFixture } from "../fixtures/read-fixture";
import { describeEachDatabase } from "../helpers/test-databases";

const embedder = createLocalEmbedder();

afterAll(async () => {
  await embedder.close();
});

const FIXTURES = [
  "handbook.pdf",
  "policies.docx",
  "faq.html",
  "onboarding.md",
  "handbook-zh.txt",
  "offices.csv",
];
const FILLER_SOURCES = 20;
const FILLER_CHUNKS_PER_SOURCE = 100;
const SMALL_SOURCE_CHUNKS = 20;

/** A random direction: unrelated to every real text, as most of a large library is to a question. */
function randomVector(): number[] {
  return Array.from({ length: embedder.dimensions }, () => Math.random() - 0.5);
}

/** A ready source with synthetic chunks, stored the way the ingest pipeline stores them. */
async function addSyntheticSource(db: Database, name: string, texts: string[]): Promise<string> {
  const { source } = await insertSourceWithFile({
    db,
    source: { name, mimeType: "text/plain", format: "text", sizeBytes: 1, sha256: contentHash(name) },
    bytes: new TextEncoder().encode(name),
  });
  const job = await claimNextIngestJob({ db, leaseMs: 60_000, maxAttempts: 3 });
  if (job?.sourceId !== source.id) throw new Error(`expected to claim ${name}`);
  await replaceChunksForSource({
    db,
    job,
    embeddingModel: embedder.model,
    chunks: texts.map((text) => ({
      content: text,
      tokenCount: 10,
      page: null,
      headingPath: [],
      contentHash: contentHash(text),
      embedding: randomVector(),
      searchText: text,
    })),
  });
  return source.id;
}

describeEachDatabase("hybrid search", (fixture) => {
  const db = () => fixture.connection.db;
  let smallSourceId: string;

  beforeAll(async () => {
    // Filler first and the model's index last: one bulk build is far quicker on PGlite than growing
    // the HNSW graph a row at a time.
    for (let index = 0; index < FILLER_SOURCES; index += 1) {
      const texts = Array.from(
        { length: FILLER_CHUNKS_PER_SOURCE },
        (_, ordinal) => `Filler note ${index}-${ordinal}: nothing of interest is recorded here.`,
      );
      if (index === 0) texts[0] = "Filler note about the Zanzibar depot, which nobody visits.";
      await addSyntheticSource(db(), `filler-${index}.txt`, texts);
    }
    smallSourceId = await addSyntheticSource(
      db(),
      "small.txt",
      Array.from({ length: SMALL_SOURCE_CHUNKS }, (_, ordinal) => `Small source note ${ordinal}.`),
    );
    await acceptUploads({
      db: db(),
      files: FIXTURES.map((name) => ({ name, bytes: readFixture(name) })),
      maxUploadBytes: 10 * 1024 * 1024,
    });
    await drainIngestQueue({ db: db(), embedder });
    await ensureVectorIndex(db(), { model: embedder.model, dimensions: embedder.dimensions });
    await db().execute(sql`analyze`);
  }, 240_000);

  const search = (query: string, k = 5) => hybridSearch({ db: db(), embedder, query, k });

  it("finds the chunk a paraphrased question is about through the vector leg", async () => {
    const question = "How long until I get my money back?";
    const [nearest] = await vectorSearch({ db: db(), embedder, query: question, k: 1 });
    expect(nearest?.content).toContain("Refunds are processed within 14 days");
    const results = await search(question, 3);
    expect(results.some((result) => result.content.includes("Refunds are processed within 14 days"))).toBe(
      true,
    );
  });

  it("finds an exact rare term through the full-text leg", async () => {
    const [match] = await textSearch({ db: db(), query: "Douro" });
    expect(match).toMatchObject({ sourceName: "offices.csv" });
    expect(match?.content).toContain('"Douro" acquisition');
    const [best] = await search("Which office opened after the Douro acquisition?");
    expect(best?.content).toContain('"Douro" acquisition');
  });

  it("finds a Chinese chunk by a Chinese keyword", async () => {
    const [best] = await search("退款");
    expect(best).toMatchObject({ sourceName: "handbook-zh.txt" });
    const [match] = await textSearch({ db: db(), query: "退款需要多长时间？" });
    expect(match?.content).toContain("退款将在收到退货后14天内处理");
  });

  it("ranks a rare word's chunk first even when the question's other words are in most chunks", async () => {
    const [match] = await textSearch({ db: db(), query: "Which filler note mentions Zanzibar?" });
    expect(match?.content).toContain("Zanzibar depot");
    const common = await textSearch({ db: db(), query: "filler note", k: 10 });
    expect(common).toHaveLength(10);
  });

  it("reads any question, whatever punctuation it holds", async () => {
    const awkward = `O'Brien's C:\\dir & example.com/it's | !(a <-> b) "quotes"`;
    await expect(textSearch({ db: db(), query: awkward })).resolves.toBeInstanceOf(Array);
    await expect(search(awkward)).resolves.toBeInstanceOf(Array);
    expect(await textSearch({ db: db(), query: "the of and" })).toEqual([]);
  });

  describe("a source filter returns k results when the chosen source holds ~1% of the chunks", () => {
    it("by scanning a small source's chunks exactly", async () => {
      const results = await hybridSearch({
        db: db(),
        embedder,
        query: "What happened at the meeting?",
        k: 8,
        sourceIds: [smallSourceId],
      });
      expect(results).toHaveLength(8);
      expect(results.every((result) => result.sourceId === smallSourceId)).toBe(true);
    });

    it("by walking the HNSW index iteratively", async () => {
      const { vector } = await embedQuery(embedder, "What happened at the meeting?");
      const matches = await searchChunksByVector({
        db: db(),
        embedding: vector,
        model: embedder.model,
        dimensions: embedder.dimensions,
        limit: 8,
        sourceIds: [smallSourceId],
        exactScanMaxChunks: 0,
      });
      expect(matches).toHaveLength(8);
      expect(matches.every((match) => match.sourceId === smallSourceId)).toBe(true);
      expect(matches.map((match) => match.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

      // Why the scan must be iterative: a plain one stops after ef_search candidates, nearly all of
      // them other sources' chunks.
      const statement = nearestChunksStatement({
        embedding: vector,
        model: embedder.model,
        dimensions: embedder.dimensions,
        limit: 8,
        sourceIds: [smallSourceId],
      });
      const plain = await db().transaction(async (tx) => {
        await tx.execute(sql`set local hnsw.iterative_scan = off`);
        const { rows } = await tx.execute(sql`explain ${statement}`);
        expect(rows.map((row) => Object.values(row)[0]).join("\n")).toContain(
          "Index Scan using chunks_embedding_hnsw",
        );
        return (await tx.execute(statement)).rows;
      });
      expect(plain.length).toBeLessThan(8);
    });
  });

  it("never returns a deleted source's chunks, nor those of a source that is not ready", async () => {
    const [note] = (
      await acceptUploads({
        db: db(),
        files: [
          { name: "depot.txt", bytes: new TextEncoder().encode("The Quillfeather depot ships on Tuesdays.") },
        ],
        maxUploadBytes: 1024,
      })
    ).sources;
    await drainIngestQueue({ db: db(), embedder });
    const fromNote = async () =>
      [
        ...(await search("When does the Quillfeather depot ship?")),
        ...(await textSearch({ db: db(), query: "Quillfeather" })),
        ...(await vectorSearch({ db: db(), embedder, query: "The Quillfeather depot ships on Tuesdays." })),
      ].filter((result) => result.sourceId === note?.id);
    expect((await fromNote()).length).toBeGreaterThan(0);

    await requeueSourceById({ db: db(), id: note?.id as string });
    expect(await fromNote()).toEqual([]);

    await drainIngestQueue({ db: db(), embedder });
    expect((await fromNote()).length).toBeGreaterThan(0);

    await deleteSourceById({ db: db(), id: note?.id as string });
    expect(await fromNote()).toEqual([]);
    expect(await db().$count(sources, eq(sources.id, note?.id as string))).toBe(0);
  });

  it("walks the model's HNSW index for the vector leg", async () => {
    const { vector } = await embedQuery(embedder, "refunds");
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
      const { rows } = await tx.execute(
        sql`explain ${nearestChunksStatement({ embedding: vector, model: embedder.model, dimensions: embedder.dimensions, limit: 40 })}`,
      );
      return rows.map((row) => Object.values(row)[0]).join("\n");
    });
    const index = vectorIndexName({ model: embedder.model, dimensions: embedder.dimensions });
    expect(plan).toContain(`Index Scan using ${index}`);
  });
});
