import { desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Database } from "../database";
import { chunks, type RetrievedChunkTrace, sources, traces } from "../schema";
import { afterPosition, micros, type PagePosition, toPage } from "./page-position";

export type NewTrace = typeof traces.$inferInsert;

/** A retrieved chunk as the trace recorded it, with what it says if it still exists. */
export interface RetrievedChunkView extends RetrievedChunkTrace {
  /** Null once the chunk is gone: its source was deleted, or re-indexed into new chunks. */
  chunk: { sourceId: string; sourceName: string; page: number | null; preview: string } | null;
}

export type TraceView = Omit<typeof traces.$inferSelect, "retrieved"> & { retrieved: RetrievedChunkView[] };

// Enough to recognise a passage in a table row; the full chunk is one request away.
const PREVIEW_CHARACTERS = 160;
// Chunk ids are compared as uuids; anything else in a trace could only make the lookup fail.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertTrace({ db, trace }: { db: Database; trace: NewTrace }): Promise<string> {
  const [inserted] = await db.insert(traces).values(trace).returning({ id: traces.id });
  if (!inserted) throw new Error("Inserting a trace returned no row");
  return inserted.id;
}

/** A page of traces, the newest first, each with previews of the chunks it retrieved. */
export async function listTraces({
  db,
  limit,
  before,
}: {
  db: Database;
  limit: number;
  before?: PagePosition;
}): Promise<{ traces: TraceView[]; next: PagePosition | null }> {
  const rows = await db
    .select({ ...getTableColumns(traces), micros: micros(traces.createdAt) })
    .from(traces)
    .where(before ? afterPosition(traces.createdAt, traces.id, before) : undefined)
    .orderBy(desc(traces.createdAt), desc(traces.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return { traces: await withChunkPreviews(db, page.rows), next: page.next };
}

export async function getTraceById({ db, id }: { db: Database; id: string }): Promise<TraceView | undefined> {
  const rows = await db.select().from(traces).where(eq(traces.id, id));
  const [trace] = await withChunkPreviews(db, rows);
  return trace;
}

async function withChunkPreviews(db: Database, rows: (typeof traces.$inferSelect)[]): Promise<TraceView[]> {
  const ids = [...new Set(rows.flatMap((row) => row.retrieved.map((hit) => hit.chunkId)))].filter((id) =>
    UUID.test(id),
  );
  const found =
    ids.length === 0
      ? []
      : await db
          .select({
            id: chunks.id,
            sourceId: chunks.sourceId,
            sourceName: sources.name,
            page: chunks.page,
            // Whitespace collapsed, and one character more than shown, to know whether it was cut.
            start: sql<string>`left(btrim(regexp_replace(${chunks.content}, ${"\\s+"}, ' ', 'g')), ${PREVIEW_CHARACTERS + 1})`,
          })
          .from(chunks)
          .innerJoin(sources, eq(sources.id, chunks.sourceId))
          .where(inArray(chunks.id, ids));
  const byId = new Map(
    found.map(({ id, start, ...chunk }) => [id, { ...chunk, preview: previewOf(start) }] as const),
  );
  return rows.map((row) => ({
    ...row,
    retrieved: row.retrieved.map(({ chunkId, score }) => ({
      chunkId,
      score,
      chunk: byId.get(chunkId) ?? null,
    })),
  }));
}

function previewOf(start: string): string {
  return start.length > PREVIEW_CHARACTERS ? `${start.slice(0, PREVIEW_CHARACTERS).trimEnd()}…` : start;
}
