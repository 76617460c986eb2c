import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Database } from "../database";
import { responseCache } from "../schema";

/** What is kept of an answer: enough to replay it without asking the model again. */
export type CachedResponse = {
  text: string;
  usage?: { inputTokens?: number; outputTokens?: number };
};

/** The answer stored for a model and prompt key, unless it has expired. */
export async function getCachedResponse({
  db,
  model,
  key,
}: {
  db: Database;
  model: string;
  key: string;
}): Promise<CachedResponse | undefined> {
  const [row] = await db
    .select({ response: responseCache.response })
    .from(responseCache)
    .where(
      and(
        eq(responseCache.model, model),
        eq(responseCache.promptHash, key),
        gt(responseCache.expiresAt, sql`now()`),
      ),
    );
  // Only putCachedResponse writes this column, always with a CachedResponse.
  return row?.response as CachedResponse | undefined;
}

/** Stores an answer for ttlSeconds, replacing any earlier (possibly expired) one for the same key. */
export async function putCachedResponse({
  db,
  model,
  key,
  response,
  ttlSeconds,
}: {
  db: Database;
  model: string;
  key: string;
  response: CachedResponse;
  ttlSeconds: number;
}): Promise<void> {
  // Expiry is computed on the database's clock, the one getCachedResponse compares it with.
  const expiresAt = sql`now() + ${ttlSeconds}::integer * interval '1 second'`;
  await db
    .insert(responseCache)
    .values({ model, promptHash: key, response, expiresAt })
    .onConflictDoUpdate({
      target: [responseCache.model, responseCache.promptHash],
      set: { response: sql`excluded.response`, createdAt: sql`now()`, expiresAt: sql`excluded.expires_at` },
    });
}

/** Removes expired answers; returns how many. */
export async function deleteExpiredResponses({ db }: { db: Database }): Promise<number> {
  const deleted = await db
    .delete(responseCache)
    .where(lte(responseCache.expiresAt, sql`now()`))
    .returning({ model: responseCache.model });
  return deleted.length;
}
