import { z } from "zod";
import { ADMIN_SESSION_COOKIE, constantTimeEqual, createAdminSession } from "@/lib/auth/admin-session";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { getConfig } from "@/lib/config";
import { DocentError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { clientKey, enforceRateLimit } from "@/lib/http/rate-limit";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

// Guessing is slow: a few tries per client, and a ceiling for all clients together in case the
// client address is forged.
const PER_CLIENT = { name: "login", limit: 10, windowMs: 15 * 60_000 };
const ALL_CLIENTS = { name: "login-all", limit: 100, windowMs: 15 * 60_000 };

const loginRequest = z.object(
  { password: z.string({ error: "password must be text" }).max(1_000) },
  { error: 'Send a JSON object such as {"password": "…"}' },
);

/** POST /api/auth/login { password }: signs the admin in with an HttpOnly session cookie. */
export function POST(request: Request) {
  return handleRoute(async () => {
    const { adminPassword } = getConfig();
    if (!adminPassword) {
      throw new DocentError(
        "bad_request:login",
        "No admin password is set (ADMIN_PASSWORD): everyone using this server is the admin.",
      );
    }
    enforceRateLimit(PER_CLIENT, clientKey(request));
    enforceRateLimit(ALL_CLIENTS, "all");
    const { password } = await readJsonBody(request, loginRequest, {
      code: "bad_request:login",
      example: '{"password": "…"}',
      maxBytes: 4 * 1024,
    });
    if (!constantTimeEqual(password, adminPassword)) {
      throw new DocentError("unauthorized:login", "That password is not right.");
    }
    const { token, expiresAt } = createAdminSession(adminPassword);
    return Response.json(
      { signedIn: true, expiresAt: new Date(expiresAt * 1000).toISOString() },
      { headers: { "Set-Cookie": sessionCookie(request, ADMIN_SESSION_COOKIE, token, expiresAt) } },
    );
  });
}
