import { validateCitations } from "./validate-citations";

// Trailing spaces and an unfinished marker such as "[1" or "[1, 2" at the end of the text so far:
// the spaces are held too, because a dropped marker takes the spaces before it ("14 days [9]." →
// "14 days."). Longer runs are text.
const UNFINISHED_MARKER = /[ \t]*(?:\[[\d,\s]{0,12})?$/;

/**
 * Removes citations of documents the prompt never held ([7] of six) from an answer while it streams,
 * so the reader sees exactly the text that is stored and validated. A delta that ends inside what may
 * be a marker is held back until the marker closes or turns out to be ordinary text.
 */
export function createCitationFilter(contextCount: number) {
  let pending = "";
  const unknown = new Set<number>();

  const release = (text: string): string => {
    const checked = validateCitations(text, contextCount);
    for (const index of checked.unknown) unknown.add(index);
    return checked.text;
  };

  return {
    /** The part of the answer that is safe to show now. */
    push(delta: string): string {
      pending += delta;
      const heldFrom = UNFINISHED_MARKER.exec(pending)?.index ?? pending.length;
      const ready = pending.slice(0, heldFrom);
      pending = pending.slice(heldFrom);
      return ready ? release(ready) : "";
    },
    /** Whatever was held back, once the answer has ended. */
    flush(): string {
      const rest = pending;
      pending = "";
      return rest ? release(rest) : "";
    },
    /** The out-of-range citations removed so far, in order of first appearance. */
    get unknown(): number[] {
      return [...unknown];
    },
  };
}
