import type { Database } from "@/db/database";
import { getCachedEmbeddings, saveEmbeddings } from "@/db/queries/embedding-cache";
import { contentHash } from "./content-hash";
import type { TextEmbedder } from "./embedder";

export interface EmbedWithCacheResult {
  /** One vector per text, in order. */
  embeddings: number[][];
  /** How many of the texts were answered from the cache. */
  cacheHits: number;
}

/**
 * Embeds texts, asking the model only for text it has never embedded: re-indexing unchanged text
 * costs no embedding calls, and a text repeated within one call is embedded once. onProgress counts
 * up to texts.length: the cache hits at once, then as the model answers.
 */
export async function embedWithCache({
  db,
  embedder,
  texts,
  onProgress,
  signal,
}: {
  db: Database;
  embedder: TextEmbedder;
  texts: string[];
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}): Promise<EmbedWithCacheResult> {
  // The size is part of the key: text-embedding-3 models answer in whatever size they are asked
  // for, and a vector cached at the old EMBEDDING_DIMENSIONS must not be served at the new one.
  const cacheModel = `${embedder.model}@${embedder.dimensions}`;
  const hashes = texts.map(contentHash);
  const cached = await getCachedEmbeddings({ db, model: cacheModel, contentHashes: hashes });

  const missing = new Map<string, string>();
  texts.forEach((text, index) => {
    const hash = hashes[index] as string;
    if (!cached.has(hash)) missing.set(hash, text);
  });
  const alreadyDone = texts.length - missing.size;
  onProgress?.(alreadyDone);

  let entries: { contentHash: string; embedding: number[] }[] = [];
  if (missing.size > 0) {
    const fresh = await embedder.embed([...missing.values()], {
      onProgress: (done) => onProgress?.(alreadyDone + done),
      signal,
    });
    entries = [...missing.keys()].map((hash, index) => ({
      contentHash: hash,
      embedding: fresh[index] as number[],
    }));
    await saveEmbeddings({ db, model: cacheModel, entries });
  }

  const byHash = new Map([
    ...cached,
    ...entries.map((entry) => [entry.contentHash, entry.embedding] as const),
  ]);
  return {
    embeddings: hashes.map((hash) => byHash.get(hash) as number[]),
    cacheHits: hashes.filter((hash) => cached.has(hash)).length,
  };
}
