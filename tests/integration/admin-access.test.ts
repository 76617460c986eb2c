import { describe, expect, it } from "vitest";
import { useAppUnderTest } from "../helpers/app-under-test";

const PASSWORD = "a long admin password";

const load = async () => ({
  login: await import("@/app/api/auth/login/route"),
  logout: await import("@/app/api/auth/logout/route"),
  source: await import("@/app/api/sources/[id]/route"),
  reindex: await import("@/app/api/sources/[id]/reindex/route"),
  traces: await import("@/app/api/traces/route"),
  rateLimit: await import("@/lib/http/rate-limit"),
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const login = (password: unknown, client = "10.0.0.1") =>
  new Request("http://localhost/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify({ password }),
  });

describe("admin access when ADMIN_PASSWORD is set", () => {
  const app = useAppUnderTest("pglite", { env: { ADMIN_PASSWORD: PASSWORD }, load });

  it("refuses deleting, re-indexing and traces without a session, and keeps the source", async () => {
    const { "faq.html": id } = await app.uploadFixtures(["faq.html"]);
    const sourceId = id as string;
    const url = `http://localhost/api/sources/${sourceId}`;

    const remove = await app.modules.source.DELETE(new Request(url, { method: "DELETE" }), params(sourceId));
    expect(remove.status).toBe(401);
    expect((await remove.json()).error.code).toBe("unauthorized:admin");
    const reindex = await app.modules.reindex.POST(
      new Request(`${url}/reindex`, { method: "POST" }),
      params(sourceId),
    );
    expect(reindex.status).toBe(401);
    expect((await app.modules.traces.GET(new Request("http://localhost/api/traces"))).status).toBe(401);
    const wrongBearer = await app.modules.source.DELETE(
      new Request(url, { method: "DELETE", headers: { authorization: "Bearer guess" } }),
      params(sourceId),
    );
    expect(wrongBearer.status).toBe(401);

    const stillThere = await app.modules.source.GET(new Request(url), params(sourceId));
    expect(stillThere.status).toBe(200);

    const withBearer = await app.modules.source.DELETE(
      new Request(url, { method: "DELETE", headers: { authorization: `Bearer ${PASSWORD}` } }),
      params(sourceId),
    );
    expect(withBearer.status).toBe(204);
  });

  it("signs in with the password into an HttpOnly, SameSite session cookie that opens the traces", async () => {
    const wrong = await app.modules.login.POST(login("not it"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const right = await app.modules.login.POST(login(PASSWORD));
    expect(right.status).toBe(200);
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^docent-admin=[^;]+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);

    const session = cookie.split(";")[0] as string;
    const traces = await app.modules.traces.GET(
      new Request("http://localhost/api/traces", { headers: { cookie: session } }),
    );
    expect(traces.status).toBe(200);

    const logout = await app.modules.logout.POST(
      new Request("https://docent.example/api/auth/logout", { method: "POST" }),
    );
    expect(logout.headers.get("set-cookie")).toMatch(
      /^docent-admin=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it("slows password guessing down: after 10 tries a client gets 429 with Retry-After", async () => {
    app.modules.rateLimit.resetRateLimits();
    for (let i = 0; i < 10; i += 1) {
      expect((await app.modules.login.POST(login("guess", "10.0.0.9"))).status).toBe(401);
    }
    const limited = await app.modules.login.POST(login(PASSWORD, "10.0.0.9"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await app.modules.login.POST(login(PASSWORD, "10.0.0.10"))).status).toBe(200);
  });
});

describe("admin access in single-user local mode", () => {
  const app = useAppUnderTest("pglite", { load });

  it("needs no session, and says there is nothing to sign in to", async () => {
    expect((await app.modules.traces.GET(new Request("http://localhost/api/traces"))).status).toBe(200);
    const response = await app.modules.login.POST(login("anything"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/No admin password is set/);
  });
});
