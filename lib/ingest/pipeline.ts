import type { Database } from "@/db/database";
import { replaceChunksForSource } from "@/db/queries/chunks";
import { loadIngestJobInput } from "@/db/queries/ingest-jobs";
import { contentHash } from "@/lib/ai/content-hash";
import { embedWithCache } from "@/lib/ai/embed-with-cache";
import type { TextEmbedder } from "@/lib/ai/embedder";
import { ParseError } from "./blocks";
import { chunkBlocks } from "./chunk";
import type { JobLease } from "./job-lease";
import { parseDocument } from "./parse";
import { toSearchText } from "./search-text";

// Share of the progress bar each stage fills; embedding is by far the longest with the local model.
const PROGRESS = { parsing: 0, chunking: 0.1, embedding: 0.15, storing: 0.9 } as const;

/**
 * Ingests one claimed source: parse its stored bytes into blocks, chunk them along their structure,
 * embed the chunks (cached vectors are reused), then replace the source's chunks and mark it ready in
 * one transaction. Safe to run again for the same source: the result is the same set of chunks.
 */
export async function ingestSource({
  db,
  lease,
  embedder,
}: {
  db: Database;
  lease: JobLease;
  embedder: TextEmbedder;
}): Promise<{ chunkCount: number }> {
  await lease.stage("parsing", PROGRESS.parsing);
  const input = await loadIngestJobInput({ db, job: lease.job });
  const blocks = await parseDocument(input.bytes, input.format);

  await lease.stage("chunking", PROGRESS.chunking);
  const chunks = chunkBlocks(blocks);
  if (chunks.length === 0) throw new ParseError("No text was found in this file.");

  await lease.stage("embedding", PROGRESS.embedding);
  const embeddingShare = PROGRESS.storing - PROGRESS.embedding;
  const { embeddings } = await embedWithCache({
    db,
    embedder,
    texts: chunks.map((chunk) => chunk.content),
    onProgress: (done) => lease.progress(PROGRESS.embedding + (embeddingShare * done) / chunks.length),
  });

  await lease.stage("storing", PROGRESS.storing);
  await replaceChunksForSource({
    db,
    job: lease.job,
    embeddingModel: embedder.model,
    chunks: chunks.map((chunk, index) => ({
      content: chunk.content,
      tokenCount: chunk.tokenCount,
      page: chunk.page,
      headingPath: chunk.headingPath,
      contentHash: contentHash(chunk.content),
      embedding: embeddings[index] as number[],
      searchText: toSearchText(chunk.content),
    })),
  });
  return { chunkCount: chunks.length };
}
