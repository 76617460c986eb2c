import { ADMIN_SESSION_COOKIE } from "@/lib/auth/admin-session";
import { sessionCookie } from "@/lib/auth/session-cookie";

export const dynamic = "force-dynamic";

/** POST /api/auth/logout: clears the admin session cookie. */
export function POST(request: Request) {
  return new Response(null, {
    status: 204,
    headers: { "Set-Cookie": sessionCookie(request, ADMIN_SESSION_COOKIE, "", 0) },
  });
}
