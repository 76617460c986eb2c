import { DocentError } from "@/lib/errors";

/** A limit of `limit` requests per `windowMs` for one client, per kind of request. */
export interface RateLimit {
  name: string;
  limit: number;
  windowMs: number;
}

interface Window {
  startedAt: number;
  count: number;
}

// Per process: a single server is what the app runs as by default. Behind a load balancer each
// instance keeps its own counts, which still bounds any one client.
const globalForLimits = globalThis as unknown as { docentRateWindows?: Map<string, Window> };
globalForLimits.docentRateWindows ??= new Map();
const windows = globalForLimits.docentRateWindows;
const MAX_TRACKED = 50_000;

/**
 * Who is asking, as well as a server can tell: the first X-Forwarded-For address (set by a reverse
 * proxy, or by Next.js from the socket when there is none), else one shared key.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}

/**
 * Counts one request of this kind from this client; throws a 429 with Retry-After once the client
 * has used up its window (a fixed window: simple, and bounded in memory).
 */
export function enforceRateLimit(rule: RateLimit, client: string, now = Date.now()): void {
  if (rule.limit <= 0) return;
  const key = `${rule.name}\u0000${client}`;
  let window = windows.get(key);
  if (!window || now - window.startedAt >= rule.windowMs) {
    if (windows.size >= MAX_TRACKED) forgetExpired(now, rule.windowMs);
    window = { startedAt: now, count: 0 };
    windows.set(key, window);
  }
  window.count += 1;
  if (window.count > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + rule.windowMs - now) / 1000));
    throw new DocentError(
      `rate_limited:${rule.name}`,
      `Too many requests. Please wait ${retryAfter} seconds and try again.`,
      { headers: { "Retry-After": String(retryAfter) } },
    );
  }
}

function forgetExpired(now: number, windowMs: number): void {
  for (const [key, window] of windows) if (now - window.startedAt >= windowMs) windows.delete(key);
  // Still full of live windows: drop the oldest rather than grow without bound.
  if (windows.size >= MAX_TRACKED) windows.clear();
}

/** Forgets every count; for tests. */
export function resetRateLimits(): void {
  windows.clear();
}
