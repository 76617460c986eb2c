import { beforeAll, describe, expect, it } from "vitest";
import { DATABASE_TARGETS, useAppUnderTest } from "../helpers/app-under-test";

/** The route handlers, loaded afresh so they read the environment the suite set. */
async function loadApi() {
  return {
    search: await import("@/app/api/search/route"),
    source: await import("@/app/api/sources/[id]/route"),
  };
}

type Api = Awaited<ReturnType<typeof loadApi>>;

const searchRequest = (body: unknown) =>
  new Request("http://localhost/api/search", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

for (const target of DATABASE_TARGETS) {
  describe.skipIf(!target.available)(`the search API [${target.kind}]`, () => {
    const app = useAppUnderTest(target.kind, { load: loadApi });
    let api: Api;
    let sourceIds: Record<string, string> = {};

    beforeAll(async () => {
      api = app.modules;
      sourceIds = await app.uploadFixtures(["handbook.pdf", "faq.html", "handbook-zh.txt"]);
    }, 120_000);

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
