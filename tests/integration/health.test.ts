import { afterEach, describe, expect, it, vi } from "vitest";
import { useTempDir } from "../helpers/temp-dir";

/** Loads the route and its modules afresh, so they read the environment set by the test. */
async function loadHealthRoute() {
  vi.resetModules();
  const route = await import("@/app/api/health/route");
  const { closeDatabase } = await import("@/lib/database");
  return { GET: route.GET, closeDatabase };
}

describe("GET /api/health", () => {
  const temp = useTempDir("health");
  let cleanup: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
    vi.unstubAllEnvs();
  });

  it("answers ok with the embedded database, the local embedding model and the offline answerer", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("OPENAI_API_KEY", undefined);
    vi.stubEnv("OPENAI_BASE_URL", undefined);
    vi.stubEnv("DATA_DIR", temp.path);
    const { GET, closeDatabase } = await loadHealthRoute();
    cleanup.push(closeDatabase);

    const response = await GET();

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      database: { kind: "pglite", ok: true },
      embeddingModel: { provider: "local", name: "local/universal-sentence-encoder-lite", dimensions: 512 },
      chatModel: { provider: "offline", name: "offline/extractive" },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it("answers 503 with the reason when the Postgres server cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    vi.stubEnv("DATABASE_URL", "postgres://docent@127.0.0.1:1/docent");
    const { GET, closeDatabase } = await loadHealthRoute();
    cleanup.push(() => closeDatabase().catch(() => undefined));

    const response = await GET();

    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("unavailable");
    expect(body.database.kind).toBe("postgres");
    expect(body.database.ok).toBe(false);
    expect(body.database.error).toMatch(/ECONNREFUSED/);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "answers ok with kind postgres when DATABASE_URL is set",
    async () => {
      vi.stubEnv("DATABASE_URL", process.env.TEST_DATABASE_URL as string);
      const { GET, closeDatabase } = await loadHealthRoute();
      cleanup.push(closeDatabase);

      const response = await GET();

      expect(response.status).toBe(200);
      expect((await response.json()).database).toEqual({ kind: "postgres", ok: true });
    },
  );
});
