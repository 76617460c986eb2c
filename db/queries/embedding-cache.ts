import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../database";
import { embeddingCache } from "../schema";

// Postgres takes at most 65,535 parameters per statement. A lookup binds one per hash; an insert
// binds three per row, and a row of a wide model's vector is ~20 kB of text, which this also bounds.
const HASHES_PER_LOOKUP = 10_000;
const ROWS_PER_INSERT = 1_000;

function inGroups<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}

/** The cached vectors of a model for the given content hashes, by hash; misses are absent. */
export async function getCachedEmbeddings({
  db,
  model,
  contentHashes,
}: {
  db: Database;
  model: string;
  contentHashes: string[];
}): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  for (const hashes of inGroups([...new Set(contentHashes)], HASHES_PER_LOOKUP)) {
    const rows = await db
      .select({ contentHash: embeddingCache.contentHash, embedding: embeddingCache.embedding })
      .from(embeddingCache)
      .where(and(eq(embeddingCache.model, model), inArray(embeddingCache.contentHash, hashes)));
    for (const row of rows) found.set(row.contentHash, row.embedding);
  }
  return found;
}

/** Stores vectors of a model; hashes already cached keep their vector (the same text gives the same one). */
export async function saveEmbeddings({
  db,
  model,
  entries,
}: {
  db: Database;
  model: string;
  entries: { contentHash: string; embedding: number[] }[];
}): Promise<void> {
  for (const group of inGroups(entries, ROWS_PER_INSERT)) {
    await db
      .insert(embeddingCache)
      .values(group.map(({ contentHash, embedding }) => ({ model, contentHash, embedding })))
      .onConflictDoNothing();
  }
}
