import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * Where a newest-first page ended: the last row's timestamp, in microseconds since 1970, and its id
 * (the tie-break). Postgres keeps microseconds and a JS Date only milliseconds, so a cursor built from
 * a Date would skip or repeat rows that share a millisecond.
 */
export interface PagePosition {
  micros: string;
  id: string;
}

/** A row's timestamp as whole microseconds since 1970, exactly (extract gives a numeric from PG 14 on). */
export function micros(timestamp: AnyColumn): SQL<string> {
  return sql<string>`(extract(epoch from ${timestamp}) * 1000000)::bigint::text`;
}

/** Rows that come after the position in newest-first (timestamp, id) order. */
export function afterPosition(timestamp: AnyColumn, id: AnyColumn, position: PagePosition): SQL {
  return sql`(${timestamp}, ${id}) < (timestamptz 'epoch' + ${position.micros}::bigint * interval '1 microsecond', ${position.id}::uuid)`;
}

/** One page out of `limit + 1` rows fetched: the extra row only says that another page follows. */
export function toPage<Row extends { id: string; micros: string }>(
  rows: Row[],
  limit: number,
): { rows: Omit<Row, "micros">[]; next: PagePosition | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ micros: _micros, ...row }) => row),
    next: rows.length > limit && last ? { micros: last.micros, id: last.id } : null,
  };
}
