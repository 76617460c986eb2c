import { getConfig } from "@/lib/config";
import { DocentError } from "@/lib/errors";
import { ADMIN_SESSION_COOKIE, constantTimeEqual, isValidAdminSession } from "./admin-session";

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const [key, ...value] = pair.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * Whether a request may do what only an admin may: always when no ADMIN_PASSWORD is set (the
 * single-user local mode), else with a valid session cookie or `Authorization: Bearer <password>`.
 */
export function isAdminRequest(request: Request, adminPassword = getConfig().adminPassword): boolean {
  if (!adminPassword) return true;
  const bearer = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer !== undefined) return constantTimeEqual(bearer, adminPassword);
  return isValidAdminSession(readCookie(request.headers.get("cookie"), ADMIN_SESSION_COOKIE), adminPassword);
}

/** Throws a 401 unless the request is an admin's. */
export function requireAdmin(request: Request): void {
  if (!isAdminRequest(request)) {
    throw new DocentError(
      "unauthorized:admin",
      "Sign in as the admin to do this (or send Authorization: Bearer <ADMIN_PASSWORD>).",
    );
  }
}
