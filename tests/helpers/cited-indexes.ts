/** The document numbers an answer cites, in order, from markers such as [2] and [1, 3]. */
export function citedIndexes(text: string): number[] {
  return [...text.matchAll(/\[(\d+(?:,\s*\d+)*)\]/g)].flatMap((match) =>
    (match[1] as string).split(",").map((index) => Number(index.trim())),
  );
}
