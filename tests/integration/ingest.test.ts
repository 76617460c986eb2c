import { eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { chunks, sourceFiles, sources } from "@/db/schema";
import type { TextEmbedder } from "@/lib/ai/embedder";
import { createLocalEmbedder } from "@/lib/ai/local-embedder";
import { DocentError } from "@/lib/errors";
import { acceptUploads } from "@/lib/ingest/accept-uploads";
import { drainIngestQueue, type IngestWorkerOptions } from "@/lib/ingest/ingest-worker";
import { readFixture } from "../fixtures/read-fixture";
import { describeEachDatabase } from "../helpers/test-databases";

const localEmbedder = createLocalEmbedder();

afterAll(async () => {
  await localEmbedder.close();
});

/** Counts the texts an embedder is asked for, to prove what the embedding cache saves. */
function countingEmbedder(inner: TextEmbedder): TextEmbedder & { embedded: number } {
  const counting = {
    model: inner.model,
    dimensions: inner.dimensions,
    embedded: 0,
    embed: async (texts: string[], options?: Parameters<TextEmbedder["embed"]>[1]) => {
      counting.embedded += texts.length;
      return inner.embed(texts, options);
    },
    close: () => inner.close(),
  };
  return counting;
}

/** An embedding model that is down for the first `failures` calls, as a remote server can be. */
function flakyEmbedder(inner: TextEmbedder, failures: number): TextEmbedder {
  let calls = 0;
  return {
    model: inner.model,
    dimensions: inner.dimensions,
    embed: async (texts, options) => {
      calls += 1;
      if (calls <= failures) throw new Error("The embedding server answered 503 Service Unavailable");
      return inner.embed(texts, options);
    },
    close: () => inner.close(),
  };
}

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

describeEachDatabase("ingestion", (fixture) => {
  const db = () => fixture.connection.db;

  const upload = (...names: string[]) =>
    acceptUploads({
      db: db(),
      files: names.map((name) => ({ name, bytes: readFixture(name) })),
      maxUploadBytes: MAX_UPLOAD_BYTES,
    });

  const ingest = (options: Partial<IngestWorkerOptions> = {}) =>
    drainIngestQueue({ db: db(), embedder: localEmbedder, retryBaseMs: 1, ...options });

  const sourceNamed = async (name: string) => {
    const [source] = await db().select().from(sources).where(eq(sources.name, name));
    if (!source) throw new Error(`no source named ${name}`);
    return source;
  };

  const chunksOf = (sourceId: string) =>
    db().select().from(chunks).where(eq(chunks.sourceId, sourceId)).orderBy(chunks.ordinal);

  beforeEach(async () => {
    await db().delete(sources);
  });

  it("turns uploads into ready sources with embedded chunks that keep pages and headings", async () => {
    const { sources: accepted } = await upload("handbook.pdf", "onboarding.md");
    expect(accepted.map((source) => source.status)).toEqual(["queued", "queued"]);

    await ingest();

    const pdf = await sourceNamed("handbook.pdf");
    expect(pdf).toMatchObject({ status: "ready", stage: null, progress: 1, error: null, format: "pdf" });
    expect(pdf.embeddingModel).toBe(localEmbedder.model);
    const pdfChunks = await chunksOf(pdf.id);
    expect(pdf.chunkCount).toBe(pdfChunks.length);
    expect(pdfChunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of pdfChunks) {
      expect(chunk.embedding).toHaveLength(512);
      expect(chunk.embeddingModel).toBe(localEmbedder.model);
    }
    const refunds = pdfChunks.find((chunk) => chunk.content.includes("Refunds are processed within 14 days"));
    expect(refunds?.page).toBe(2);

    const markdown = await sourceNamed("onboarding.md");
    const accounts = (await chunksOf(markdown.id)).find((chunk) => chunk.content.includes("two-factor"));
    expect(accounts?.headingPath).toEqual(["Onboarding Guide", "First week", "Accounts"]);
  });

  it("makes Chinese text findable by a single word in full-text search", async () => {
    await upload("handbook-zh.txt");
    await ingest();
    const source = await sourceNamed("handbook-zh.txt");
    expect(source.status).toBe("ready");
    const matches = await db().execute<{ content: string }>(
      sql`select content from chunks where tsv @@ plainto_tsquery('english', ${"退款"})`,
    );
    expect(matches.rows.length).toBeGreaterThan(0);
    expect(matches.rows.every((row) => row.content.includes("退款"))).toBe(true);
  });

  it("does not create a second source when the same file is uploaded again", async () => {
    const first = await upload("onboarding.md");
    const second = await upload("onboarding.md");
    expect(second.created).toBe(0);
    expect(second.sources[0]?.id).toBe(first.sources[0]?.id);
    expect(await db().$count(sources)).toBe(1);
  });

  it("removes a deleted source's chunks and stored file", async () => {
    await upload("onboarding.md", "faq.html");
    await ingest();
    const removed = await sourceNamed("faq.html");
    expect((await chunksOf(removed.id)).length).toBeGreaterThan(0);

    await db().delete(sources).where(eq(sources.id, removed.id));

    expect(await chunksOf(removed.id)).toEqual([]);
    expect(await db().$count(sourceFiles, eq(sourceFiles.sourceId, removed.id))).toBe(0);
    const kept = await sourceNamed("onboarding.md");
    expect((await chunksOf(kept.id)).length).toBe(kept.chunkCount);
  });

  it("re-indexes to the same chunks, without duplicates and without embedding unchanged text again", async () => {
    await upload("policies.docx");
    await ingest();
    const before = await sourceNamed("policies.docx");
    const chunksBefore = await chunksOf(before.id);

    const { requeueSourceById } = await import("@/db/queries/sources");
    await requeueSourceById({ db: db(), id: before.id });
    const embedder = countingEmbedder(localEmbedder);
    await ingest({ embedder });

    const after = await sourceNamed("policies.docx");
    const chunksAfter = await chunksOf(after.id);
    expect(after.status).toBe("ready");
    expect(chunksAfter.map((chunk) => chunk.content)).toEqual(chunksBefore.map((chunk) => chunk.content));
    expect(chunksAfter.map((chunk) => chunk.ordinal)).toEqual(chunksBefore.map((_, index) => index));
    expect(embedder.embedded).toBe(0);
  });

  it("fails a file that cannot be read with its reason, while the rest of the upload succeeds", async () => {
    await upload("corrupt.pdf", "onboarding.md", "encrypted.pdf", "scanned.pdf");
    await ingest();

    const corrupt = await sourceNamed("corrupt.pdf");
    expect(corrupt.status).toBe("failed");
    expect(corrupt.error).toMatch(/not a readable PDF/i);
    expect(corrupt.attempts).toBe(1);
    expect((await sourceNamed("encrypted.pdf")).error).toMatch(/password/i);
    expect((await sourceNamed("scanned.pdf")).error).toMatch(/no text layer/i);
    expect((await sourceNamed("onboarding.md")).status).toBe("ready");
    expect(await db().$count(chunks, eq(chunks.sourceId, corrupt.id))).toBe(0);
  });

  it("retries after the embedding model fails, and gives up with the reason after the last attempt", async () => {
    // Text no earlier test embedded, so the embedding cache cannot answer for the model.
    const note = (name: string) => ({
      name,
      bytes: new TextEncoder().encode(
        `Meeting notes ${name} ${crypto.randomUUID()}: the budget was approved.`,
      ),
    });
    await acceptUploads({ db: db(), files: [note("recovers.txt")], maxUploadBytes: MAX_UPLOAD_BYTES });
    await ingest({ embedder: flakyEmbedder(localEmbedder, 1) });
    const recovered = await sourceNamed("recovers.txt");
    expect(recovered).toMatchObject({ status: "ready", attempts: 2, error: null });

    await acceptUploads({ db: db(), files: [note("gives-up.txt")], maxUploadBytes: MAX_UPLOAD_BYTES });
    await ingest({ embedder: flakyEmbedder(localEmbedder, 99), maxAttempts: 3 });
    const failed = await sourceNamed("gives-up.txt");
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBe(3);
    expect(failed.error).toBe(
      "Ingestion failed after 3 attempts: The embedding server answered 503 Service Unavailable",
    );
  });

  describe("refuses bad uploads before storing anything", () => {
    const refusal = async (
      files: { name: string; bytes: Uint8Array }[],
      maxUploadBytes = MAX_UPLOAD_BYTES,
    ) => {
      await upload("onboarding.md");
      const error = await acceptUploads({ db: db(), files, maxUploadBytes }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(DocentError);
      // Only the earlier upload is stored: the refused request added nothing, not even its good files.
      expect(await db().$count(sources)).toBe(1);
      expect(await db().$count(sourceFiles)).toBe(1);
      return error as DocentError;
    };
    const good = {
      name: "note.txt",
      bytes: new TextEncoder().encode("A short note that is fine on its own."),
    };

    it("a file over the size limit (413)", async () => {
      const error = await refusal([good, { name: "big.txt", bytes: new Uint8Array(2048).fill(65) }], 1024);
      expect(error.status).toBe(413);
      expect(error.code).toBe("too_large:upload");
    });

    it("an executable renamed .pdf (415)", async () => {
      const error = await refusal([good, { name: "program.pdf", bytes: readFixture("program.pdf") }]);
      expect(error.status).toBe(415);
      expect(error.code).toBe("unsupported:file_type");
      expect(error.message).toContain('"program.pdf" is not a supported document');
    });

    it("an empty file (400)", async () => {
      const error = await refusal([good, { name: "empty.txt", bytes: new Uint8Array() }]);
      expect(error.status).toBe(400);
      expect(error.code).toBe("bad_request:empty_file");
    });
  });
});
