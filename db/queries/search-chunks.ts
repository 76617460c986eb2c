import { type SQL, sql } from "drizzle-orm";
import pgvector from "pgvector";
import type { Database } from "../database";
import { type EmbeddingSpace, vectorIndexPredicate } from "../vector-index";
import { supportsIterativeScans, tuneHnswScan } from "./hnsw-scan";
import { planTextSearch } from "./text-search-plan";

/** A chunk one search leg found, with the leg's own score (higher is better) and rank (1 = best). */
export interface ChunkMatch {
  chunkId: string;
  sourceId: string;
  sourceName: string;
  page: number | null;
  headingPath: string[];
  content: string;
  score: number;
  rank: number;
}

interface ChunkRow extends Record<string, unknown> {
  id: string;
  source_id: string;
  source_name: string;
  page: number | null;
  heading_path: string[];
  content: string;
}

type RankedRow = ChunkRow & { rank_score: number };
type NearestRow = ChunkRow & { distance: number };

// Chosen sources with at most this many chunks are compared with the query one by one. Each costs a
// read of its 2 kB vector (~6 µs on Postgres): 2,000 take about as long as walking the graph.
export const EXACT_SCAN_MAX_CHUNKS = 2_000;

// Matches the full-text leg ranks at most: ranking every match of a common word costs ~160 ms at
// 100k chunks. See searchChunksByText for how the candidates are chosen.
export const TEXT_CANDIDATE_CAP = 500;

const toMatch = (row: ChunkRow, score: number, index: number): ChunkMatch => ({
  chunkId: row.id,
  sourceId: row.source_id,
  sourceName: row.source_name,
  page: row.page,
  headingPath: row.heading_path,
  content: row.content,
  score,
  rank: index + 1,
});

/** Nearest first, scored by cosine similarity (an iterative scan returns rows only nearly in order). */
const byDistance = (rows: NearestRow[]): ChunkMatch[] =>
  rows
    .map((row) => ({ row, distance: Number(row.distance) }))
    .sort((a, b) => a.distance - b.distance)
    .map(({ row, distance }, index) => toMatch(row, 1 - distance, index));

/** The columns every leg returns; `c` is chunks and `s` its source. */
const matchColumns = sql`c.id, c.source_id, s.name as source_name, c.page, c.heading_path, c.content`;

const inSources = (sourceIds: string[] | undefined): SQL =>
  sourceIds ? sql`and c.source_id = any(${sql.param(sourceIds)}::uuid[])` : sql``;

/**
 * The nearest chunks by cosine distance. The ORDER BY expression and the WHERE clause are the ones
 * the model's partial HNSW index is built on (db/vector-index.ts), as literals, so the planner can
 * prove the index applies; its predicate names chunks' columns unqualified, hence the subquery over
 * chunks alone (sources has an embedding_model column too).
 */
export function nearestChunksStatement({
  embedding,
  model,
  dimensions,
  limit,
  sourceIds,
}: VectorSearch): SQL {
  const { vectorType, predicate } = embeddingSpaceLiterals({ model, dimensions });
  return sql`
    select nearest.id, nearest.source_id, s.name as source_name, nearest.page, nearest.heading_path,
           nearest.content, nearest.distance
    from (
      select c.id, c.source_id, c.page, c.heading_path, c.content,
             c.embedding::${vectorType} <=> ${pgvector.toSql(embedding)}::${vectorType} as distance
      from chunks c
      where ${predicate}
        and c.source_id in (select id from sources where status = 'ready')
        ${inSources(sourceIds)}
      order by distance
      limit ${limit}
    ) as nearest
    join sources s on s.id = nearest.source_id`;
}

/** The nearest chunks of a few sources, compared one by one: the HNSW index is kept out on purpose. */
function nearestChunksExactlyStatement({
  embedding,
  model,
  dimensions,
  limit,
  sourceIds,
}: VectorSearch & { sourceIds: string[] }): SQL {
  const { vectorType, predicate } = embeddingSpaceLiterals({ model, dimensions });
  // Materialized, so the planner cannot turn the ORDER BY into a walk of the index (which would visit
  // every other source's chunks on the way); the chunks are found by the (source_id, ordinal) index.
  return sql`
    with candidates as materialized (
      select c.id, c.embedding::${vectorType} <=> ${pgvector.toSql(embedding)}::${vectorType} as distance
      from chunks c
      where ${predicate} ${inSources(sourceIds)}
    ), nearest as (
      select id, distance from candidates order by distance limit ${limit}
    )
    select ${matchColumns}, nearest.distance
    from nearest
    join chunks c on c.id = nearest.id
    join sources s on s.id = c.source_id
    where s.status = 'ready'`;
}

export interface VectorSearch extends EmbeddingSpace {
  embedding: number[];
  limit: number;
  /** Only chunks of these sources; all sources when absent. */
  sourceIds?: string[];
}

/**
 * The chunks of ready sources nearest to an embedding, best first. Only chunks embedded by `model`
 * take part: a source still embedded by an earlier model is found by full text until re-indexed.
 *
 * When sources are chosen, the few chunks of small sources are compared with the query one by one
 * (exact, and cheaper than walking the graph past every other source's chunks); larger selections
 * walk the HNSW index iteratively until `limit` of their chunks are found (see hnsw-scan.ts).
 */
export async function searchChunksByVector({
  db,
  exactScanMaxChunks = EXACT_SCAN_MAX_CHUNKS,
  ...search
}: VectorSearch & {
  db: Database;
  /** Chosen sources with at most this many chunks are scanned exactly; 0 always walks the index. */
  exactScanMaxChunks?: number;
}): Promise<ChunkMatch[]> {
  if (search.embedding.length !== search.dimensions) {
    throw new Error(`Expected a ${search.dimensions}-dimensional embedding, got ${search.embedding.length}`);
  }
  const { sourceIds } = search;
  if (sourceIds?.length === 0) return [];
  let passingShare = 1;
  if (sourceIds) {
    const chosen = await countSearchableChunks({ db, model: search.model, sourceIds });
    if (chosen === 0) return [];
    if (chosen <= exactScanMaxChunks) {
      const { rows } = await db.execute<NearestRow>(nearestChunksExactlyStatement({ ...search, sourceIds }));
      return byDistance(rows);
    }
    passingShare = chosen / (await countSearchableChunks({ db, model: search.model }));
  }
  const iterative = await supportsIterativeScans(db);
  return db.transaction(async (tx) => {
    await tuneHnswScan(tx, { limit: search.limit, passingShare, iterative });
    const { rows } = await tx.execute<NearestRow>(nearestChunksStatement(search));
    return byDistance(rows);
  });
}

/** Chunks of ready sources embedded by `model`, in the chosen sources or in all. */
async function countSearchableChunks({
  db,
  model,
  sourceIds,
}: {
  db: Database;
  model: string;
  sourceIds?: string[];
}): Promise<number> {
  const { rows } = await db.execute<{ chunks: number }>(sql`
    select coalesce(sum(chunk_count), 0)::float8 as chunks
    from sources
    where status = 'ready' and embedding_model = ${model}
      ${sourceIds ? sql`and id = any(${sql.param(sourceIds)}::uuid[])` : sql``}`);
  return Number(rows[0]?.chunks ?? 0);
}

/**
 * `vector(N)` and the index's WHERE clause as SQL text: the planner matches a partial index only
 * against literals, never against bound parameters.
 */
function embeddingSpaceLiterals(space: EmbeddingSpace): { vectorType: SQL; predicate: SQL } {
  if (!Number.isInteger(space.dimensions) || space.dimensions < 1 || space.dimensions > 2000) {
    throw new Error(`Embedding dimensions must be a whole number from 1 to 2000, got ${space.dimensions}`);
  }
  return {
    vectorType: sql.raw(`vector(${space.dimensions})`),
    predicate: sql.raw(`(${vectorIndexPredicate(space)})`),
  };
}

/**
 * The chunks of ready sources that best match a question by full text, best first, stemmed with the
 * English configuration the tsv column was written with.
 *
 * A question is not a conjunction: "how long until I get my money back" shares no chunk with all of
 * its words. Any of its lexemes may match (OR), and ts_rank orders the matches by how often they hold
 * the question's lexemes. (ts_rank_cd, which also rewards lexemes close together, costs ~4× as much
 * per chunk on OR queries and ranked no better on npm run eval.)
 *
 * Ranking is capped at TEXT_CANDIDATE_CAP candidates, found rarest lexeme first (text-search-plan.ts):
 * the candidates are the matches of the rarest lexemes whose estimated counts together fit under the
 * cap, always including the rarest one. Rare lexemes are the ones that tell chunks apart, so a
 * question naming "Compass" or "Rotterdam" ranks every chunk that contains them. The trade-off: a
 * question made only of common words ("the team meeting process") ranks the first TEXT_CANDIDATE_CAP
 * chunks holding its rarest word in table order, an arbitrary sample of them; such questions are the
 * vector leg's to answer, and the cap keeps them from costing ~160 ms at 100k chunks. The common
 * lexemes still count in the ranking of the candidates.
 */
export async function searchChunksByText({
  db,
  query,
  limit,
  sourceIds,
}: {
  db: Database;
  /** The question after toSearchText (lib/ingest/search-text.ts), as the chunks' text was. */
  query: string;
  limit: number;
  sourceIds?: string[];
}): Promise<ChunkMatch[]> {
  if (sourceIds?.length === 0) return [];
  const plan = await planTextSearch({ db, query, sourceIds, cap: TEXT_CANDIDATE_CAP });
  if (!plan) return [];
  const candidateQuery = sql`${plan.candidateQuery}::tsquery`;
  // The GIN index serves `tsv @@ q` but not `(tsv @@ q) is true`: the second form reads the table in order.
  const matches = plan.scanInTableOrder
    ? sql`(c.tsv @@ ${candidateQuery}) is true`
    : sql`c.tsv @@ ${candidateQuery}`;
  const { rows } = await db.execute<RankedRow>(sql`
    select ${matchColumns}, ts_rank(c.tsv, ${plan.rankQuery}::tsquery) as rank_score
    from (
      select c.id, c.source_id, c.page, c.heading_path, c.content, c.content_hash, c.tsv
      from chunks c
      where ${matches} ${inSources(sourceIds)}
      limit ${TEXT_CANDIDATE_CAP}
    ) as c
    join sources s on s.id = c.source_id
    where s.status = 'ready'
    order by rank_score desc, c.content_hash, c.id
    limit ${limit}`);
  return rows.map((row, index) => toMatch(row, Number(row.rank_score), index));
}
