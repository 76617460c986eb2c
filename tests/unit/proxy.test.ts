import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

/** The proxy with this environment, loaded afresh because the configuration is read once. */
async function loadProxy(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import("@/proxy")).proxy;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the proxy in front of every route", () => {
  it("gives each page a fresh script nonce and a Content-Security-Policy requiring it", async () => {
    const proxy = await loadProxy({ ADMIN_PASSWORD: undefined });
    const first = proxy(new NextRequest("http://localhost:3000/"));
    const second = proxy(new NextRequest("http://localhost:3000/"));
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toBe(second.headers.get("content-security-policy"));
  });

  it("refuses a cross-site form post with 403 and the error shape", async () => {
    const proxy = await loadProxy({ ADMIN_PASSWORD: undefined });
    const response = proxy(
      new NextRequest("http://localhost:3000/api/sources", {
        method: "POST",
        headers: { "sec-fetch-site": "cross-site" },
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden:cross_site");
  });

  it("sends a visitor without a session from /admin to the sign-in page when a password is set", async () => {
    const proxy = await loadProxy({ ADMIN_PASSWORD: "a long admin password" });
    const response = proxy(new NextRequest("http://localhost:3000/admin/sources/1?page=2"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("next")).toBe("/admin/sources/1?page=2");
  });

  it("lets the admin in with a bearer password, and everyone in local mode", async () => {
    const locked = await loadProxy({ ADMIN_PASSWORD: "a long admin password" });
    const withBearer = locked(
      new NextRequest("http://localhost:3000/admin", {
        headers: { authorization: "Bearer a long admin password" },
      }),
    );
    expect(withBearer.headers.get("location")).toBeNull();
    const open = await loadProxy({ ADMIN_PASSWORD: undefined });
    expect(open(new NextRequest("http://localhost:3000/admin")).headers.get("location")).toBeNull();
  });
});
