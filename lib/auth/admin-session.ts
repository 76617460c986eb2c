import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The cookie that carries a signed-in admin's session. */
export const ADMIN_SESSION_COOKIE = "docent-admin";
/** How long a sign-in lasts. */
export const ADMIN_SESSION_SECONDS = 12 * 60 * 60;

// The signing key comes from the password itself, so changing ADMIN_PASSWORD signs everyone out
// and there is no second secret to configure.
const signingKey = (password: string) =>
  createHmac("sha256", "docent admin session").update(password).digest();

const signature = (password: string, expiresAt: number) =>
  createHmac("sha256", signingKey(password)).update(`admin.${expiresAt}`).digest("base64url");

/** Equal strings, compared in time that does not depend on where they differ (nor on their lengths). */
export function constantTimeEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A new session token `<expiry>.<signature>`, valid for ADMIN_SESSION_SECONDS from `now`. */
export function createAdminSession(password: string, now = Date.now()): { token: string; expiresAt: number } {
  const expiresAt = Math.floor(now / 1000) + ADMIN_SESSION_SECONDS;
  return { token: `${expiresAt}.${signature(password, expiresAt)}`, expiresAt };
}

/** Whether a session token was signed with this password and has not expired. */
export function isValidAdminSession(token: string | undefined, password: string, now = Date.now()): boolean {
  if (!token) return false;
  const [expiry, given, ...rest] = token.split(".");
  const expiresAt = Number(expiry);
  if (rest.length > 0 || !given || !Number.isSafeInteger(expiresAt)) return false;
  if (expiresAt <= Math.floor(now / 1000)) return false;
  return constantTimeEqual(given, signature(password, expiresAt));
}
