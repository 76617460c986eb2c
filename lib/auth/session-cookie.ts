/**
 * A Set-Cookie value for a session: HttpOnly (no script can read it), SameSite=Lax (not sent with
 * other sites' form posts), Secure when the request came over HTTPS, directly or via a proxy.
 * `expiresAt` (Unix seconds) of 0 clears the cookie.
 */
export function sessionCookie(request: Request, name: string, value: string, expiresAt: number): string {
  const https =
    new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const maxAge = expiresAt === 0 ? 0 : Math.max(0, expiresAt - Math.floor(Date.now() / 1000));
  return [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(https ? ["Secure"] : []),
  ].join("; ");
}
