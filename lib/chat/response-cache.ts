import { createHash } from "node:crypto";
import type { Database } from "@/db/database";
import { type CachedResponse, getCachedResponse, putCachedResponse } from "@/db/queries/response-cache";
import type { Config } from "@/lib/config";

export type { CachedResponse };

/** Everything that decides a model's answer: the same prompt again may be answered from the cache. */
export interface CacheablePrompt {
  model: string;
  instructions: string;
  messages: unknown[];
  /** Generation settings that change the answer (temperature, max tokens, ...). */
  settings?: Record<string, unknown>;
}

/** The sha256 of the prompt, serialised so that equal prompts give equal keys whatever their key order. */
export function promptCacheKey(prompt: CacheablePrompt): string {
  return createHash("sha256").update(stableJson(prompt), "utf8").digest("hex");
}

function stableJson(value: unknown): string {
  // The replacer sees every object before it is written, and hands back a copy with sorted keys.
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The stored answer to this exact prompt; none when the cache is off, empty or expired. */
export async function lookUpCachedResponse({
  db,
  cache,
  model,
  key,
}: {
  db: Database;
  cache: Config["responseCache"];
  model: string;
  key: string;
}): Promise<CachedResponse | undefined> {
  if (!cache.enabled) return undefined;
  return getCachedResponse({ db, model, key });
}

/**
 * Keeps a complete answer for the configured time (callers skip aborted or failed ones); does nothing
 * when the cache is off.
 */
export async function cacheResponse({
  db,
  cache,
  model,
  key,
  response,
}: {
  db: Database;
  cache: Config["responseCache"];
  model: string;
  key: string;
  response: CachedResponse;
}): Promise<void> {
  if (!cache.enabled) return;
  await putCachedResponse({ db, model, key, response, ttlSeconds: cache.ttlSeconds });
}
