import { splitRun } from "./split-run";
import type { TokenCount } from "./tokens";

/**
 * How a piece of text came to be, coarsest first; a piece too big for a chunk is split into pieces of
 * the next level: a prose paragraph into sentences, a listing (list, table, rows, code) into lines
 * and a line into sentences, a sentence into whitespace-separated words, a word into the words
 * Intl.Segmenter finds in it (URLs, CJK), and as a last resort such a word into token-sized runs.
 */
export type Level = "paragraph" | "listing" | "line" | "sentence" | "word" | "segment" | "run";

export interface Piece {
  /** Document text, trimmed. */
  text: string;
  /** The whitespace between the previous piece and this one in the document ("" when they touch). */
  separator: string;
  level: Level;
  /** The exact token count, when the split already had to count it. */
  count?: TokenCount;
}

const SENTENCES = new Intl.Segmenter(undefined, { granularity: "sentence" });
const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });

/** The pieces of the next level down; the first keeps the parent's separator. */
export function splitPiece(piece: Piece, maxTokens: number): Iterable<Piece> {
  switch (piece.level) {
    case "paragraph":
      return sentences(piece, true);
    case "listing":
      return lines(piece);
    case "line":
      return sentences(piece, false);
    case "sentence":
      return words(piece);
    case "word":
      return wordSegments(piece);
    case "segment":
      return splitRun(piece, maxTokens);
    case "run":
      throw new Error("a run is cut to fit a chunk and is never split again");
  }
}

function* sentences({ text, separator }: Piece, joinLines: boolean): Generator<Piece> {
  // ICU ends a sentence at every line break; in a hard-wrapped paragraph those are not sentence ends.
  // Replacing them with spaces keeps every index, so the boundaries still apply to `text`.
  const source = joinLines ? text.replaceAll("\n", " ") : text;
  let end = 0;
  for (const { segment, index } of SENTENCES.segment(source)) {
    const length = segment.trimEnd().length;
    if (length === 0) continue;
    yield {
      text: text.slice(index, index + length),
      separator: end === 0 ? separator : text.slice(end, index),
      level: "sentence",
    };
    end = index + length;
  }
}

function* lines({ text, separator }: Piece): Generator<Piece> {
  let start = 0;
  let gap = separator;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const content = line.trimStart();
    // Indentation goes with the separator: it is kept between lines and dropped at a chunk's start.
    if (content)
      yield { text: content, separator: gap + line.slice(0, line.length - content.length), level: "line" };
    gap = "\n";
    start = end + 1;
  }
}

function* words({ text, separator }: Piece): Generator<Piece> {
  const spaces = /\s+/g;
  let start = 0;
  let gap = separator;
  for (let match = spaces.exec(text); match !== null; match = spaces.exec(text)) {
    if (match.index > start) yield { text: text.slice(start, match.index), separator: gap, level: "word" };
    gap = match[0];
    start = match.index + match[0].length;
  }
  if (start < text.length) yield { text: text.slice(start), separator: gap, level: "word" };
}

/** Intl.Segmenter's words, each with the punctuation after it, so no piece starts with a "." or "/". */
function* wordSegments({ text, separator }: Piece): Generator<Piece> {
  let start = 0;
  for (const { index, isWordLike } of WORDS.segment(text)) {
    if (!isWordLike || index === start) continue;
    yield { text: text.slice(start, index), separator: start === 0 ? separator : "", level: "segment" };
    start = index;
  }
  yield { text: text.slice(start), separator: start === 0 ? separator : "", level: "segment" };
}
