import { createHash } from "node:crypto";

/** The hex sha256 of a text: the key of cached embeddings and the chunks table's content_hash. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
