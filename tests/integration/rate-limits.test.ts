import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useAppUnderTest } from "../helpers/app-under-test";

const load = async () => ({
  search: await import("@/app/api/search/route"),
  chat: await import("@/app/api/chat/route"),
  sources: await import("@/app/api/sources/route"),
});

const from = (client: string, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "x-forwarded-for": client, ...headers },
    body,
  });
const search = (client: string) =>
  from(client, "/api/search", JSON.stringify({ query: "refunds" }), { "content-type": "application/json" });

describe("per-client rate limits", () => {
  const app = useAppUnderTest("pglite", { env: { RATE_LIMIT_PER_MINUTE: "2" }, load });

  it("answers a client over its limit with 429 and Retry-After, other clients unaffected", async () => {
    expect((await app.modules.search.POST(search("10.1.0.1"))).status).toBe(200);
    expect((await app.modules.search.POST(search("10.1.0.1"))).status).toBe(200);
    const limited = await app.modules.search.POST(search("10.1.0.1"));
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe("rate_limited:search");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await app.modules.search.POST(search("10.1.0.2"))).status).toBe(200);
  });

  it("limits chat and uploads too, before doing any work", async () => {
    const ask = () =>
      from(
        "10.1.0.3",
        "/api/chat",
        JSON.stringify({
          id: randomUUID(),
          message: { role: "user", parts: [{ type: "text", text: "hi" }] },
        }),
        { "content-type": "application/json" },
      );
    await (await app.modules.chat.POST(ask())).text();
    await (await app.modules.chat.POST(ask())).text();
    expect((await app.modules.chat.POST(ask())).status).toBe(429);

    const upload = () => from("10.1.0.4", "/api/sources", new FormData());
    for (let i = 0; i < 2; i += 1) expect((await app.modules.sources.POST(upload())).status).toBe(400);
    expect((await app.modules.sources.POST(upload())).status).toBe(429);
  });
});
