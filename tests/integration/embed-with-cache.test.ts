import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { getCachedEmbeddings, saveEmbeddings } from "@/db/queries/embedding-cache";
import { embeddingCache } from "@/db/schema";
import { contentHash } from "@/lib/ai/content-hash";
import { embedWithCache } from "@/lib/ai/embed-with-cache";
import type { TextEmbedder } from "@/lib/ai/embedder";
import { describeEachDatabase, TEST_EMBEDDING } from "../helpers/test-databases";

/** A deterministic stand-in model in the test space: the same text always gives the same vector. */
function vectorFor(text: string): number[] {
  return [text.length, text.codePointAt(0) ?? 0, 1];
}

/** Wraps the stand-in and records every call, so tests can see what reached the model. */
function countingEmbedder() {
  const calls: string[][] = [];
  const embedder: TextEmbedder = {
    model: TEST_EMBEDDING.model,
    dimensions: TEST_EMBEDDING.dimensions,
    embed: async (texts, options) => {
      calls.push(texts);
      options?.onProgress?.(texts.length);
      return texts.map(vectorFor);
    },
    close: async () => {},
  };
  return { embedder, calls };
}

describeEachDatabase("embedding with the cache", (fixture) => {
  const db = () => fixture.connection.db;

  beforeEach(async () => {
    await db().delete(embeddingCache);
  });

  it("embeds unchanged text only once, however often it is indexed", async () => {
    const texts = ["alpha paragraph", "beta paragraph", "gamma paragraph"];
    const { embedder, calls } = countingEmbedder();

    const first = await embedWithCache({ db: db(), embedder, texts });
    const second = await embedWithCache({ db: db(), embedder, texts });

    expect(calls).toEqual([texts]);
    expect(first).toEqual({ embeddings: texts.map(vectorFor), cacheHits: 0 });
    expect(second).toEqual({ embeddings: texts.map(vectorFor), cacheHits: 3 });
  });

  it("asks the model only for the texts it has not seen, and keeps the order", async () => {
    const { embedder, calls } = countingEmbedder();
    await embedWithCache({ db: db(), embedder, texts: ["kept", "also kept"] });

    const texts = ["new first", "kept", "new second", "also kept"];
    const progress: number[] = [];
    const result = await embedWithCache({
      db: db(),
      embedder,
      texts,
      onProgress: (done) => progress.push(done),
    });

    expect(calls[1]).toEqual(["new first", "new second"]);
    expect(result).toEqual({ embeddings: texts.map(vectorFor), cacheHits: 2 });
    expect(progress).toEqual([2, 4]);
  });

  it("embeds a text repeated within one call once", async () => {
    const { embedder, calls } = countingEmbedder();
    const texts = ["same", "other", "same", "same"];

    const result = await embedWithCache({ db: db(), embedder, texts });

    expect(calls).toEqual([["same", "other"]]);
    expect(result.embeddings).toEqual(texts.map(vectorFor));
    expect(await db().$count(embeddingCache)).toBe(2);
  });

  it("keeps each model's vectors apart", async () => {
    const { embedder } = countingEmbedder();
    await embedWithCache({ db: db(), embedder, texts: ["shared text"] });
    const other = countingEmbedder();
    const otherModel: TextEmbedder = { ...other.embedder, model: "test/other-3d" };

    const result = await embedWithCache({ db: db(), embedder: otherModel, texts: ["shared text"] });

    expect(result.cacheHits).toBe(0);
    expect(other.calls).toEqual([["shared text"]]);
  });

  it("does not serve a vector cached at another size of the same model", async () => {
    const { embedder } = countingEmbedder();
    await embedWithCache({ db: db(), embedder, texts: ["resized text"] });
    const shorter: TextEmbedder = {
      ...embedder,
      dimensions: 2,
      embed: async (texts) => texts.map((text) => vectorFor(text).slice(0, 2)),
    };

    const result = await embedWithCache({ db: db(), embedder: shorter, texts: ["resized text"] });

    expect(result).toEqual({ embeddings: [vectorFor("resized text").slice(0, 2)], cacheHits: 0 });
  });

  it("keys the cache by the text's sha256", () => {
    expect(contentHash("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  });

  it("stores and finds more entries than one statement can carry parameters for", async () => {
    // Three parameters per row: 22,000 rows would be 66,000, over Postgres's limit of 65,535.
    const entries = Array.from({ length: 22_000 }, (_, i) => ({
      contentHash: contentHash(`text ${i}`),
      embedding: [i, 0, 1],
    }));
    const model = "test/bulk";

    await saveEmbeddings({ db: db(), model, entries });
    await saveEmbeddings({ db: db(), model, entries: entries.slice(0, 10) });
    const found = await getCachedEmbeddings({
      db: db(),
      model,
      contentHashes: entries.map((entry) => entry.contentHash),
    });

    expect(found.size).toBe(entries.length);
    expect(found.get(contentHash("text 21999"))).toEqual([21999, 0, 1]);
    const stored = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from embedding_cache where model = ${model}`,
    );
    expect(stored.rows[0]?.n).toBe(entries.length);
  });
});
