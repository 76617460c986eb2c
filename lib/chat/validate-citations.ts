import { NOT_FOUND_ANSWER } from "@/lib/ai/prompts";

export interface CitationCheck {
  /** The answer with every citation of a document that was not provided taken out. */
  text: string;
  /** The valid document indexes (1-based), in order of first citation. */
  cited: number[];
  /** Indexes the answer cited that point at no provided document, in order of first citation. */
  unknown: number[];
  /** Nothing is left of the answer. */
  empty: boolean;
  /** The answer says the documents do not hold the answer. */
  notFound: boolean;
}

// [1], [1, 2], [1,2]; a markdown link "[1](…)" is a link, not a citation.
const CITATION = /([ \t]*)\[(\s*\d+\s*(?:,\s*\d+\s*)*)\](?!\()/g;
// Code is left alone: `items[0]` in a snippet is an index, not a citation.
const CODE = /(```[\s\S]*?(?:```|$)|`[^`\n]*`)/;

const normalise = (text: string) => text.trim().replace(/[‘’]/g, "'").toLowerCase();
const NOT_FOUND = normalise(NOT_FOUND_ANSWER);
// How models phrase the same refusal in their own words.
const REFUSAL =
  /^(?:i (?:couldn't|could not|can't|cannot|didn't|did not|was unable to|am unable to) find|i don't (?:know|have (?:enough )?information)|(?:the|your) (?:provided )?documents? (?:do|does|did)n't|(?:the|your) (?:provided )?documents? (?:do|does|did) not|there is no (?:information|mention)|no (?:relevant )?information)/;

/**
 * Checks an answer's citations against the `contextCount` documents it was given: markers pointing
 * outside 1..contextCount are removed (and reported), so the reader never sees a citation that
 * opens nothing.
 */
export function validateCitations(text: string, contextCount: number): CitationCheck {
  const cited: number[] = [];
  const unknown: number[] = [];
  const record = (list: number[], index: number) => {
    if (!list.includes(index)) list.push(index);
  };

  const checked = text
    .split(CODE)
    .map((segment, i) => {
      // split() with a capturing group puts the code spans at the odd positions.
      if (i % 2 === 1) return segment;
      return segment.replace(CITATION, (marker: string, space: string, list: string) => {
        const indexes = list.split(",").map((item) => Number(item.trim()));
        const valid = indexes.filter((index) => index >= 1 && index <= contextCount);
        for (const index of indexes) record(valid.includes(index) ? cited : unknown, index);
        if (valid.length === indexes.length) return marker;
        // With the spaces before it, so "… 14 days [9]." becomes "… 14 days.".
        return valid.length > 0 ? `${space}[${valid.join(", ")}]` : "";
      });
    })
    .join("");

  const answer = normalise(checked);
  return {
    text: checked,
    cited,
    unknown,
    empty: answer === "",
    notFound: answer.startsWith(NOT_FOUND) || (cited.length === 0 && REFUSAL.test(answer)),
  };
}
