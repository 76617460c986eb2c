import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readFixture } from "../fixtures/read-fixture";
import { createScratchPostgresDatabase } from "../helpers/scratch-postgres";
import { useTempDir } from "../helpers/temp-dir";

/** The route handlers, loaded afresh so they read the environment the suite set. */
async function loadApi() {
  vi.resetModules();
  return {
    search: await import("@/app/api/search/route"),
    sources: await import("@/app/api/sources/route"),
    source: await import("@/app/api/sources/[id]/route"),
    worker: await import("@/lib/ingest/in-process-worker"),
    providers: await import("@/lib/ai/providers"),
    database: await import("@/lib/database"),
  };
}

type Api = Awaited<ReturnType<typeof loadApi>>;

const searchRequest = (body: unknown) =>
  new Request("http://localhost/api/search", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const targets = [
  { kind: "pglite", available: true },
  { kind: "postgres", available: Boolean(process.env.TEST_DATABASE_URL) },
] as const;

for (const target of targets) {
  describe.skipIf(!target.available)(`the search API [${target.kind}]`, () => {
    const temp = useTempDir(`search-api-${target.kind}`, "all");
    let api: Api;
    let dropDatabase: (() => Promise<void>) | undefined;
    const sourceIds: Record<string, string> = {};

    beforeAll(async () => {
      vi.stubEnv("DATA_DIR", temp.path);
      vi.stubEnv("OPENAI_API_KEY", undefined);
      vi.stubEnv("OPENAI_BASE_URL", undefined);
      if (target.kind === "postgres") {
        const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL as string);
        dropDatabase = scratch.drop;
        vi.stubEnv("DATABASE_URL", scratch.url);
      } else {
        vi.stubEnv("DATABASE_URL", "");
      }
      api = await loadApi();

      const form = new FormData();
      for (const name of ["handbook.pdf", "faq.html", "handbook-zh.txt"]) {
        form.append("files", new Blob([new Uint8Array(readFixture(name))]), name);
      }
      const uploaded = await api.sources.POST(
        new Request("http://localhost/api/sources", { method: "POST", body: form }),
      );
      const { sources } = (await uploaded.json()) as { sources: { id: string; name: string }[] };
      for (const { id, name } of sources) {
        sourceIds[name] = id;
        await waitUntilReady(id);
      }
    }, 120_000);

    afterAll(async () => {
      await api.worker.stopInProcessIngestWorker();
      await api.providers.closeEmbedder();
      await api.database.closeDatabase();
      await dropDatabase?.();
      vi.unstubAllEnvs();
    });

    async function waitUntilReady(id: string) {
      for (let tries = 0; tries < 600; tries += 1) {
        const response = await api.source.GET(new Request("http://localhost"), {
          params: Promise.resolve({ id }),
        });
        const { source } = await response.json();
        if (source.status === "ready") return;
        if (source.status === "failed") throw new Error(`source ${id} failed: ${source.error}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`source ${id} did not finish ingesting`);
    }

    it("answers a question with the best chunks first, with their source and place", async () => {
      const response = await api.search.POST(searchRequest({ query: "How long do refunds take?", k: 3 }));
      expect(response.status).toBe(200);
      const { results } = await response.json();
      expect(results).toHaveLength(3);
      expect(results[0]).toEqual({
        chunkId: expect.any(String),
        sourceId: expect.any(String),
        sourceName: expect.stringMatching(/^(handbook\.pdf|faq\.html)$/),
        page: expect.toBeOneOf([2, null]),
        headingPath: expect.any(Array),
        content: expect.stringContaining("Refunds are processed within 14 days"),
        score: expect.any(Number),
      });
      const scores = results.map((result: { score: number }) => result.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it("returns 8 results unless asked for another number", async () => {
      const { results } = await (await api.search.POST(searchRequest({ query: "office" }))).json();
      expect(results.length).toBe(8);
    });

    it("searches only the chosen sources", async () => {
      const chosen = sourceIds["handbook-zh.txt"] as string;
      const response = await api.search.POST(
        searchRequest({ query: "How long do refunds take?", sourceIds: [chosen] }),
      );
      const { results } = await response.json();
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((result: { sourceId: string }) => result.sourceId === chosen)).toBe(true);
    });

    it("finds Chinese text by a Chinese keyword", async () => {
      const { results } = await (await api.search.POST(searchRequest({ query: "退款", k: 1 }))).json();
      expect(results[0].sourceName).toBe("handbook-zh.txt");
    });

    it("answers bad requests with 400 and a JSON error that says what to fix", async () => {
      const cases: { body: unknown; message: RegExp }[] = [
        { body: {}, message: /query must be text/ },
        { body: { query: "" }, message: /query must not be empty/ },
        { body: { query: "   " }, message: /query must not be empty/ },
        { body: { query: "x".repeat(2_001) }, message: /at most 2000 characters/ },
        { body: { query: "refunds", k: 0 }, message: /k must be a whole number from 1 to 50/ },
        { body: { query: "refunds", k: 51 }, message: /k must be a whole number from 1 to 50/ },
        { body: { query: "refunds", k: 2.5 }, message: /k must be a whole number from 1 to 50/ },
        { body: { query: "refunds", k: "5" }, message: /k must be a whole number from 1 to 50/ },
        { body: { query: "refunds", sourceIds: ["not-a-uuid"] }, message: /sourceIds must hold source ids/ },
        { body: { query: "refunds", sourceIds: "all" }, message: /sourceIds must be a list/ },
        { body: { query: "refunds", sourceIds: [] }, message: /at least one source/ },
        { body: ["refunds"], message: /JSON object/ },
        { body: "{not json", message: /JSON object/ },
      ];
      for (const { body, message } of cases) {
        const response = await api.search.POST(searchRequest(body));
        expect(response.status, JSON.stringify(body)).toBe(400);
        const { error } = await response.json();
        expect(error.code).toBe("bad_request:search");
        expect(error.message).toMatch(message);
      }
    });
  });
}
