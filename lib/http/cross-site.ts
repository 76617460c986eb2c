/** Methods that change something, which another site must not be able to make a browser send. */
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a browser sent this state-changing request on behalf of another site (cross-site request
 * forgery): judged by Sec-Fetch-Site where the browser sends it, else by Origin against the host the
 * request was made to. Requests without either (curl, scripts, server-side clients) are not a
 * browser acting for someone else, and pass.
 */
export function isCrossSiteMutation(request: Request): boolean {
  if (!MUTATING.has(request.method)) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  const host =
    request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
