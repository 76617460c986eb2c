/** One ranked list to fuse, best first, and how much its ranks count (1 by default). */
export interface RankedList<Id> {
  ids: readonly Id[];
  weight?: number;
}

export interface FusedItem<Id> {
  id: Id;
  score: number;
}

/** The k of Cormack et al. (2009): large enough that a first place alone does not outweigh agreement. */
export const DEFAULT_RRF_K = 60;

/**
 * Reciprocal Rank Fusion: each list adds weight / (k + rank) to every id it holds (rank from 1), so
 * lists are combined by position alone and scores on different scales (cosine distance, ts_rank)
 * never need calibrating against each other. An id repeated within one list counts once, at its best
 * rank. Ties keep the order in which ids were first seen, so the result is deterministic.
 */
export function reciprocalRankFusion<Id>(
  lists: readonly RankedList<Id>[],
  { k = DEFAULT_RRF_K }: { k?: number } = {},
): FusedItem<Id>[] {
  if (!(k >= 0)) throw new RangeError(`The RRF constant k must be 0 or more, got ${k}`);
  const scores = new Map<Id, number>();
  for (const { ids, weight = 1 } of lists) {
    const seen = new Set<Id>();
    ids.forEach((id, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
