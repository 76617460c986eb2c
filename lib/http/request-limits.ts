import { getConfig } from "@/lib/config";
import { clientKey, enforceRateLimit } from "./rate-limit";

/** The kinds of request that cost the server real work, each counted on its own. */
export type LimitedRequest = "chat" | "search" | "upload";

/**
 * Counts a chat, search or upload request against its client's RATE_LIMIT_PER_MINUTE; a client
 * over the limit gets a 429 with Retry-After instead of tying up the model, the embedder or the disk.
 */
export function limitRequests(request: Request, kind: LimitedRequest): void {
  const { rateLimitPerMinute } = getConfig();
  enforceRateLimit({ name: kind, limit: rateLimitPerMinute, windowMs: 60_000 }, clientKey(request));
}
