import { sql } from "drizzle-orm";
import type { Database } from "../database";

/**
 * How the full-text leg searches for a question (see searchChunksByText): which lexemes rank the
 * candidates, which lexemes find them, and whether to find them in table order rather than by index.
 */
export interface TextSearchPlan {
  /** A tsquery matching any of the question's lexemes. */
  rankQuery: string;
  /** A tsquery matching any of the rarest lexemes whose matches together stay within the cap. */
  candidateQuery: string;
  /**
   * The candidate lexeme is in a large share of the chunks: reading the table until `cap` of them
   * match is cheaper than the GIN index, which would first collect every match.
   */
  scanInTableOrder: boolean;
}

// Chunks sampled to estimate how common each lexeme is: enough to tell a lexeme in 1% of the chunks
// from one in 20%, for ~1 ms of matching.
const SAMPLE_CHUNKS = 200;
// From this share of chunks up, reading the table finds `cap` matches sooner than the index collects them all.
const TABLE_ORDER_SHARE = 0.2;

/** A tsquery matching any of the lexemes, each quoted so it is matched as it is and never parsed again. */
function anyLexeme(lexemes: string[]): string {
  return lexemes.map((lexeme) => `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`).join(" | ");
}

/** The id below which about `share` of random (version 4) UUIDs fall: a cheap, unbiased sample by primary key. */
function uuidBelowShare(share: number): string {
  const prefix = Math.floor(Math.min(1, share) * 0xffffffff)
    .toString(16)
    .padStart(8, "0");
  return `${prefix}-ffff-ffff-ffff-ffffffffffff`;
}

/**
 * Plans a full-text search: stems the question, and, when the searched chunks outnumber `cap`,
 * estimates from a sample how many chunks contain each lexeme, so the candidates can come from the
 * rarest ones. Undefined when the question has no searchable lexeme (only stop words, say).
 */
export async function planTextSearch({
  db,
  query,
  sourceIds,
  cap,
}: {
  db: Database;
  query: string;
  sourceIds?: string[];
  cap: number;
}): Promise<TextSearchPlan | undefined> {
  const inChosenSources = sourceIds ? sql`and id = any(${sql.param(sourceIds)}::uuid[])` : sql``;
  const { rows } = await db.execute<{ lexemes: string[]; searchable: number }>(sql`
    select array(select lexeme from unnest(to_tsvector('english', ${query}))) as lexemes,
           (select coalesce(sum(chunk_count), 0) from sources where status = 'ready' ${inChosenSources})::float8
             as searchable`);
  const lexemes = rows[0]?.lexemes ?? [];
  const searchable = Number(rows[0]?.searchable ?? 0);
  if (lexemes.length === 0) return undefined;
  const rankQuery = anyLexeme(lexemes);
  if (searchable <= cap) return { rankQuery, candidateQuery: rankQuery, scanInTableOrder: false };

  const estimates = await estimateMatches({ db, lexemes, searchable, sourceIds });
  const rarestFirst = lexemes
    .map((lexeme, index) => ({ lexeme, matches: estimates[index] ?? 0 }))
    .sort((a, b) => a.matches - b.matches || a.lexeme.localeCompare(b.lexeme));
  const chosen: string[] = [];
  let total = 0;
  for (const { lexeme, matches } of rarestFirst) {
    if (chosen.length > 0 && total + matches > cap) break;
    chosen.push(lexeme);
    total += matches;
  }
  return {
    rankQuery,
    candidateQuery: anyLexeme(chosen),
    scanInTableOrder: total >= TABLE_ORDER_SHARE * searchable,
  };
}

/** About how many of the searched chunks contain each lexeme, in order, from a sample of them. */
async function estimateMatches({
  db,
  lexemes,
  searchable,
  sourceIds,
}: {
  db: Database;
  lexemes: string[];
  searchable: number;
  sourceIds?: string[];
}): Promise<number[]> {
  const inChosenSources = sourceIds ? sql`and c.source_id = any(${sql.param(sourceIds)}::uuid[])` : sql``;
  const { rows } = await db.execute<{ size: number; matches: number[] }>(sql`
    with sample as materialized (
      select c.tsv from chunks c
      where c.id <= ${uuidBelowShare(SAMPLE_CHUNKS / searchable)}::uuid ${inChosenSources}
    )
    select (select count(*) from sample)::float8 as size,
           array(
             select (select count(*) from sample where sample.tsv @@ lexeme.query)::float8
             from unnest(${sql.param(lexemes.map((lexeme) => anyLexeme([lexeme])))}::tsquery[])
               with ordinality as lexeme(query, position)
             order by lexeme.position
           ) as matches`);
  const size = Number(rows[0]?.size ?? 0);
  // An empty sample says nothing: every lexeme counts as rare, so all of them find candidates.
  if (size === 0) return lexemes.map(() => 0);
  // Half a hit added to each count: a lexeme the sample never saw is rare, not absent, and several
  // such lexemes together can still fill the cap.
  return (rows[0]?.matches ?? []).map((matches) => ((Number(matches) + 0.5) / size) * searchable);
}
