import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { chunks, traces } from "@/db/schema";
import { contentHash } from "@/lib/ai/content-hash";
import { DATABASE_TARGETS, useAppUnderTest } from "../helpers/app-under-test";

/** The route handler and queries, loaded afresh so they read the environment the suite set. */
async function loadApi() {
  return {
    traces: await import("@/app/api/traces/route"),
    queries: await import("@/db/queries/traces"),
    sources: await import("@/db/queries/sources"),
    conversations: await import("@/db/queries/conversations"),
    database: await import("@/lib/database"),
  };
}

type Api = Awaited<ReturnType<typeof loadApi>>;

interface TracesPage {
  traces: {
    id: string;
    query: string;
    conversationId: string | null;
    retrieved: {
      chunkId: string;
      score: number;
      chunk: { sourceId: string; sourceName: string; page: number | null; preview: string } | null;
    }[];
  }[];
  nextCursor: string | null;
}

const LONG_PASSAGE =
  "Refunds are issued within 30 days of purchase.\n\n   Items bought on sale can be returned within 14 days, " +
  "provided they are unused and in their original packaging. Gift cards cannot be refunded, and shipping " +
  "costs are only refunded when the item arrived damaged.";
const SHORT_PASSAGE = "Badges are handed out at reception.";
const GONE_CHUNK = "3f6c1d2e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";

for (const target of DATABASE_TARGETS) {
  describe.skipIf(!target.available)(`the traces API [${target.kind}]`, () => {
    const app = useAppUnderTest(target.kind, { load: loadApi });
    let api: Api;
    let db: Database;
    let sourceId: string;
    let longChunkId: string;
    let shortChunkId: string;

    beforeAll(async () => {
      api = app.modules;
      db = (await api.database.getDatabase()).db;

      const { source } = await api.sources.insertSourceWithFile({
        db,
        source: {
          name: "policies.md",
          mimeType: "text/markdown",
          format: "markdown",
          sizeBytes: 1,
          sha256: contentHash("policies.md"),
        },
        bytes: new TextEncoder().encode("policies"),
      });
      sourceId = source.id;
      const stored = await db
        .insert(chunks)
        .values(
          [LONG_PASSAGE, SHORT_PASSAGE].map((content, ordinal) => ({
            sourceId,
            ordinal,
            content,
            tokenCount: 40,
            page: ordinal === 0 ? 3 : null,
            contentHash: contentHash(content),
            tsv: sql`to_tsvector('english', ${content})`,
          })),
        )
        .returning({ id: chunks.id });
      [longChunkId, shortChunkId] = stored.map((chunk) => chunk.id) as [string, string];
    });

    async function page(query = ""): Promise<TracesPage> {
      const response = await api.traces.GET(new Request(`http://localhost/api/traces${query}`));
      expect(response.status).toBe(200);
      return response.json();
    }

    it("shows each answered question with previews of the chunks it retrieved", async () => {
      const conversation = await api.conversations.createConversation({ db });
      const id = await api.queries.insertTrace({
        db,
        trace: {
          conversationId: conversation.id,
          messageId: "m2",
          query: "Can I return a sale item?",
          rewrittenQuery: "sale item return policy",
          retrieved: [
            { chunkId: longChunkId, score: 0.92 },
            { chunkId: GONE_CHUNK, score: 0.5 },
            { chunkId: shortChunkId, score: 0.31 },
          ],
          model: "offline/extractive",
          promptTokens: 812,
          completionTokens: 64,
          cacheHit: false,
          retrievalMs: 41,
          firstTokenMs: 120,
          totalMs: 480,
          validation: { removedCitations: [4] },
        },
      });

      const [latest] = (await page()).traces;

      expect(latest).toMatchObject({
        id,
        query: "Can I return a sale item?",
        rewrittenQuery: "sale item return policy",
        model: "offline/extractive",
        promptTokens: 812,
        completionTokens: 64,
        cacheHit: false,
        totalMs: 480,
        validation: { removedCitations: [4] },
        error: null,
      });
      const [long, gone, short] = latest?.retrieved ?? [];
      expect(long).toMatchObject({
        chunkId: longChunkId,
        score: 0.92,
        chunk: { sourceId, sourceName: "policies.md", page: 3 },
      });
      // A short preview on one line, cut with an ellipsis.
      expect(long?.chunk?.preview).toMatch(
        /^Refunds are issued within 30 days of purchase\. Items bought on sale/,
      );
      expect(long?.chunk?.preview).toMatch(/…$/);
      expect(long?.chunk?.preview.length).toBeLessThanOrEqual(161);
      expect(gone).toEqual({ chunkId: GONE_CHUNK, score: 0.5, chunk: null });
      expect(short?.chunk).toEqual({
        sourceId,
        sourceName: "policies.md",
        page: null,
        preview: SHORT_PASSAGE,
      });

      expect(await api.queries.getTraceById({ db, id })).toMatchObject({
        id,
        retrieved: [{ chunk: { page: 3 } }, { chunk: null }, { chunk: { preview: SHORT_PASSAGE } }],
      });
    });

    it("keeps a trace, unlinked, when its conversation is deleted, and marks chunks of deleted sources", async () => {
      const conversation = await api.conversations.createConversation({ db });
      const id = await api.queries.insertTrace({
        db,
        trace: {
          conversationId: conversation.id,
          query: "Where do I get a badge?",
          retrieved: [{ chunkId: shortChunkId, score: 0.8 }],
          model: "offline/extractive",
        },
      });
      await api.conversations.deleteConversation({ db, id: conversation.id });

      const trace = await api.queries.getTraceById({ db, id });
      expect(trace).toMatchObject({ conversationId: null, query: "Where do I get a badge?" });
      expect(trace?.retrieved[0]?.chunk?.preview).toBe(SHORT_PASSAGE);
      expect(await api.queries.getTraceById({ db, id: GONE_CHUNK })).toBeUndefined();
    });

    it("lists traces newest first and pages through each exactly once", async () => {
      await db.delete(traces);
      // Four in the same microsecond (PGlite's own clock only ticks in milliseconds): only the id orders them.
      await db.insert(traces).values(
        Array.from({ length: 4 }, (_, index) => ({
          query: `Same instant ${index}`,
          model: "offline/extractive",
          createdAt: sql`timestamptz '2025-06-01 12:00:00.123456+00'`,
        })),
      );
      const older = await api.queries.insertTrace({
        db,
        trace: { query: "Long ago", model: "m", createdAt: new Date("2024-01-01T00:00:00Z") },
      });
      const newest = await api.queries.insertTrace({ db, trace: { query: "Just now", model: "m" } });

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const result = await page(`?limit=4${cursor ? `&before=${cursor}` : ""}`);
        seen.push(...result.traces.map((trace) => trace.id));
        cursor = result.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);

      expect(pages).toBe(2);
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
      expect(seen[0]).toBe(newest);
      expect(seen.at(-1)).toBe(older);
      expect((await page()).traces.map((trace) => trace.id)).toEqual(seen);
    });

    it("shows 20 traces by default and at most 100", async () => {
      await db.delete(traces);
      await db
        .insert(traces)
        .values(Array.from({ length: 25 }, (_, index) => ({ query: `Question ${index}`, model: "m" })));

      const first = await page();
      expect(first.traces).toHaveLength(20);
      expect(first.nextCursor).not.toBeNull();
      const all = await page("?limit=100");
      expect(all.traces).toHaveLength(25);
      expect(all.nextCursor).toBeNull();
    });

    it("answers bad paging parameters with a 400 JSON error", async () => {
      for (const query of [
        "?limit=0",
        "?limit=101",
        "?limit=2.5",
        "?before=abc",
        `?before=99999999999999999_${GONE_CHUNK}`,
      ]) {
        const response = await api.traces.GET(new Request(`http://localhost/api/traces${query}`));
        expect(response.status, query).toBe(400);
        expect(await response.json()).toEqual({
          error: {
            code: "bad_request:paging",
            message: expect.stringMatching(/limit must be a whole number/),
          },
        });
      }
    });
  });
}
