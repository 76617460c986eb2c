import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "../database";
import { chunks, sourceFiles, sources } from "../schema";

// What the API shows of a source; the job-scheduling columns stay internal.
const { leaseToken, leaseExpiresAt, runAfter, sha256, ...summaryColumns } = getTableColumns(sources);

export type SourceSummary = Omit<
  typeof sources.$inferSelect,
  "leaseToken" | "leaseExpiresAt" | "runAfter" | "sha256"
>;

export interface NewSource {
  name: string;
  mimeType: string;
  format: (typeof sources.$inferInsert)["format"];
  sizeBytes: number;
  sha256: string;
}

/**
 * Stores an upload: the sources row (which is also its ingest job) and its bytes, in one transaction.
 * The same content again returns the existing source; if that one had failed, it is queued again,
 * since uploading it anew is how a person says "try again".
 */
export async function insertSourceWithFile({
  db,
  source,
  bytes,
}: {
  db: Database;
  source: NewSource;
  bytes: Uint8Array;
}): Promise<{ source: SourceSummary; created: boolean }> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(sources)
      .values(source)
      .onConflictDoNothing({ target: sources.sha256 })
      .returning(summaryColumns);
    if (inserted) {
      await tx.insert(sourceFiles).values({ sourceId: inserted.id, bytes });
      return { source: inserted, created: true };
    }
    const [requeued] = await tx
      .update(sources)
      .set({ ...queuedAgain, name: source.name })
      .where(and(eq(sources.sha256, source.sha256), eq(sources.status, "failed")))
      .returning(summaryColumns);
    if (requeued) return { source: requeued, created: false };
    const [existing] = await tx.select(summaryColumns).from(sources).where(eq(sources.sha256, source.sha256));
    if (!existing) throw new Error(`Source with sha256 ${source.sha256} vanished during upload`);
    return { source: existing, created: false };
  });
}

/** The column values that put a source back in the queue as a fresh job. */
const queuedAgain = {
  status: "queued",
  stage: null,
  progress: 0,
  error: null,
  attempts: 0,
  runAfter: sql`now()`,
  leaseToken: null,
  leaseExpiresAt: null,
} as const;

export function listSources({ db }: { db: Database }): Promise<SourceSummary[]> {
  return db.select(summaryColumns).from(sources).orderBy(desc(sources.createdAt), asc(sources.id));
}

export async function getSourceById({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<SourceSummary | undefined> {
  const [source] = await db.select(summaryColumns).from(sources).where(eq(sources.id, id));
  return source;
}

/** Deletes a source; its chunks and stored file go with it (foreign keys cascade). */
export async function deleteSourceById({ db, id }: { db: Database; id: string }): Promise<boolean> {
  const deleted = await db.delete(sources).where(eq(sources.id, id)).returning({ id: sources.id });
  return deleted.length > 0;
}

/** Queues a source to be ingested again from its stored bytes (e.g. after the embedding model changed). */
export async function requeueSourceById({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<SourceSummary | undefined> {
  const [source] = await db
    .update(sources)
    .set(queuedAgain)
    .where(eq(sources.id, id))
    .returning(summaryColumns);
  return source;
}

export async function getSourceFileById({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<{ name: string; mimeType: string; bytes: Uint8Array } | undefined> {
  const [file] = await db
    .select({ name: sources.name, mimeType: sources.mimeType, bytes: sourceFiles.bytes })
    .from(sources)
    .innerJoin(sourceFiles, eq(sourceFiles.sourceId, sources.id))
    .where(eq(sources.id, id));
  return file;
}

export interface ChunkView {
  id: string;
  ordinal: number;
  content: string;
  tokenCount: number;
  page: number | null;
  headingPath: string[];
}

/** One page of a source's chunks in document order, with the total for paging. */
export async function listChunksForSource({
  db,
  sourceId,
  offset,
  limit,
}: {
  db: Database;
  sourceId: string;
  offset: number;
  limit: number;
}): Promise<{ chunks: ChunkView[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .select({
        id: chunks.id,
        ordinal: chunks.ordinal,
        content: chunks.content,
        tokenCount: chunks.tokenCount,
        page: chunks.page,
        headingPath: chunks.headingPath,
      })
      .from(chunks)
      .where(eq(chunks.sourceId, sourceId))
      .orderBy(asc(chunks.ordinal))
      .offset(offset)
      .limit(limit),
    db.$count(chunks, eq(chunks.sourceId, sourceId)),
  ]);
  return { chunks: rows, total };
}
