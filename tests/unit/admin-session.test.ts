import { describe, expect, it } from "vitest";
import {
  ADMIN_SESSION_SECONDS,
  constantTimeEqual,
  createAdminSession,
  isValidAdminSession,
} from "@/lib/auth/admin-session";

const PASSWORD = "correct horse battery";

describe("admin sessions", () => {
  it("accepts a token it signed until it expires", () => {
    const now = Date.UTC(2026, 11, 4);
    const { token, expiresAt } = createAdminSession(PASSWORD, now);
    expect(expiresAt).toBe(now / 1000 + ADMIN_SESSION_SECONDS);
    expect(isValidAdminSession(token, PASSWORD, now + 1_000)).toBe(true);
    expect(isValidAdminSession(token, PASSWORD, expiresAt * 1000)).toBe(false);
  });

  it("refuses a token signed under another password, so changing it signs everyone out", () => {
    const { token } = createAdminSession(PASSWORD);
    expect(isValidAdminSession(token, "another password")).toBe(false);
  });

  it("refuses a token whose expiry was pushed back or whose signature was altered", () => {
    const { token, expiresAt } = createAdminSession(PASSWORD);
    const [, signature] = token.split(".");
    expect(isValidAdminSession(`${expiresAt + 86_400}.${signature}`, PASSWORD)).toBe(false);
    expect(isValidAdminSession(`${expiresAt}.${signature?.replace(/^./, "A")}x`, PASSWORD)).toBe(false);
    for (const junk of [undefined, "", "abc", "1.2.3", `${expiresAt}.`]) {
      expect(isValidAdminSession(junk, PASSWORD)).toBe(false);
    }
  });

  it("compares secrets of any length without throwing", () => {
    expect(constantTimeEqual("secret", "secret")).toBe(true);
    expect(constantTimeEqual("secret", "secret-but-longer")).toBe(false);
    expect(constantTimeEqual("", "secret")).toBe(false);
  });
});
