import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppUnderTest } from "../helpers/app-under-test";
import { type CuttableProxy, startCuttableProxy } from "../helpers/cuttable-proxy";

const load = async () => ({
  sources: await import("@/app/api/sources/route"),
  search: await import("@/app/api/search/route"),
  health: await import("@/app/api/health/route"),
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("when the Postgres server goes away and comes back", () => {
  let proxy: CuttableProxy;
  beforeAll(async () => {
    const { hostname, port } = new URL(serverUrl as string);
    proxy = await startCuttableProxy({ host: hostname, port: Number(port || 5432) });
  });
  afterAll(async () => {
    await proxy.close();
  });

  const app = useAppUnderTest("postgres", {
    load,
    databaseUrl: (url) => {
      const throughProxy = new URL(url);
      throughProxy.hostname = "127.0.0.1";
      throughProxy.port = String(proxy.port);
      return throughProxy.toString();
    },
  });
  const listSources = async () => app.modules.sources.GET();
  const search = () =>
    app.modules.search.POST(
      new Request("http://localhost/api/search", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "Where do orders ship from?" }),
      }),
    );

  it("answers 503 with a clear message while it is gone, and recovers by itself with nothing lost", async () => {
    const { "faq.html": sourceId } = await app.uploadFixtures(["faq.html"]);
    expect((await listSources()).status).toBe(200);

    await proxy.cut();
    for (const response of [await listSources(), await search()]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const { error } = await response.json();
      expect(error).toEqual({
        code: "unavailable:database",
        message: "The database cannot be reached right now. Please try again in a moment.",
      });
    }
    expect((await app.modules.health.GET()).status).toBe(503);

    await proxy.restore();
    await expect.poll(async () => (await listSources()).status, { timeout: 15_000 }).toBe(200);
    const { sources } = await (await listSources()).json();
    expect(sources).toMatchObject([{ id: sourceId, status: "ready" }]);
    expect((await search()).status).toBe(200);
    expect((await app.modules.health.GET()).status).toBe(200);
  });
});
