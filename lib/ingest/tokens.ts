import { countByPretokens } from "./pretokens";

/*
 * Token counts with o200k_base (GPT-4o/4.1/5, the o-series), exact but fast enough for big documents.
 *
 * gpt-tokenizer counts ~2–3 MB/s of English. Its BPE runs separately inside each pre-token cut by
 * O200K_TOKEN_SPLIT_REGEX, so a text's count is the sum of its pieces' counts whenever no pre-token
 * straddles a cut. In that regex whitespace only ever sits at the start of a pre-token (the space of
 * " word", or a run of its own), or as line breaks and slashes right after punctuation (".\n\n/").
 * So two cuts are always safe:
 *   (a) before a space or tab (any whitespace but \r \n) that follows a non-space, and
 *   (b) after \r or \n, before a non-space other than "/".
 * The regex has no look-behind, so matching from a cut is the same as matching a fresh string, and its
 * only look-ahead, (?!\S) in \s+(?!\S), cannot fire at a cut preceded by a non-space (a) or reached
 * by the earlier \s*[\r\n]+ alternative (b). Counting each piece once, memoised, and summing therefore
 * gives exactly gpt-tokenizer's count; tests/unit/chunk.test.ts checks it against the library.
 * A new piece is split into pre-tokens with the library's regex and each pre-token counted by the
 * library (memoised in pretokens.ts).
 */

/**
 * Longest whitespace-free run countTokensWithin() measures. gpt-tokenizer's merge loop is quadratic
 * in a pre-token's length, so a longer run (a 2 MB line of base64) must be split before it is counted.
 */
export const MAX_MEASURED_RUN = 1000;

const OTHER = 0;
const SPACE = 1;
const LINE_BREAK = 2;
const SLASH = 0x2f;
/** Longer pieces are rare repeats; caching them would only churn the table. */
const MAX_CACHED_PIECE_LENGTH = 64;

/** What \s means in the tokenizer's regex, per UTF-16 code unit (astral characters are never spaces). */
const CHAR_KINDS = (() => {
  const kinds = new Uint8Array(0x10000);
  for (let code = 0; code < kinds.length; code++) {
    if (code === 0x0a || code === 0x0d) kinds[code] = LINE_BREAK;
    else if (/\s/u.test(String.fromCharCode(code))) kinds[code] = SPACE;
  }
  return kinds;
})();

/** Token counts of pieces seen before; bounded, since a long document can hold millions of them. */
const pieceCounts = new Map<string, number>();
const MAX_CACHED_PIECES = 200_000;

/**
 * The number of o200k_base tokens in `text`, exactly as gpt-tokenizer counts it. Like the library,
 * slow on a long run without whitespace (its merge is quadratic in a pre-token's length); the
 * chunker never counts one longer than a chunk.
 */
export function countTokens(text: string): number {
  return scan(text, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
}

/**
 * countTokens(text) when it is at most `limit`, otherwise Infinity, found without reading far past
 * the limit. Also Infinity when the text holds a whitespace-free run longer than MAX_MEASURED_RUN:
 * the caller splits such text into smaller pieces instead.
 */
export function countTokensWithin(text: string, limit: number): number {
  return scan(text, limit, MAX_MEASURED_RUN);
}

/**
 * A text's exact token count, with its first and last piece (between the cuts above): joined to
 * other text, only those can tokenize differently.
 */
export interface TokenCount {
  tokens: number;
  /** Where the first piece ends, and its tokens; -1 when the whole text is one piece. */
  headEnd: number;
  headTokens: number;
  /** Where the last piece starts, and its tokens. */
  tailStart: number;
  tailTokens: number;
}

/** countTokensWithin(), with the first and last piece; `tokens` is Infinity past the limit. */
export function measureTokens(text: string, limit: number): TokenCount {
  const tokens = scan(text, limit, limit === Number.POSITIVE_INFINITY ? limit : MAX_MEASURED_RUN);
  return { tokens, ...edges };
}

/** The count of a text known to hold no cut (no whitespace), e.g. a run of one long word. */
export function wholePiece(tokens: number): TokenCount {
  return { tokens, headEnd: -1, headTokens: tokens, tailStart: 0, tailTokens: tokens };
}

export interface CountedText {
  text: string;
  /** Whitespace before the text when joined; ignored for the first text. */
  separator: string;
  count: TokenCount;
}

/**
 * countTokens() of the texts joined by their separators, from each text's own count: only the words
 * around each join are counted again. Every cut inside a text is a cut of the joined string too, so
 * between its first and last piece a text tokenizes as it does alone. A text that is one piece (one
 * word, a run of CJK) is counted as part of the stretch around it.
 */
export function countJoined(texts: readonly CountedText[]): number {
  if (texts.length === 1) return (texts[0] as CountedText).count.tokens;
  let total = 0;
  // The text around a join, built with join(""): a flat string, where `stretch + text` would make a
  // rope, and ropes in scan() slow every call to it (charCodeAt turns polymorphic).
  let stretch: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const { text, separator, count } = texts[i] as CountedText;
    if (i > 0) stretch.push(separator);
    if (count.headEnd < 0) {
      stretch.push(text);
      continue;
    }
    stretch.push(text.slice(0, count.headEnd));
    total += countTokens(stretch.join("")) + count.tokens - count.headTokens - count.tailTokens;
    stretch = [text.slice(count.tailStart)];
  }
  return total + countTokens(stretch.join(""));
}

export interface TrailingPiece {
  start: number;
  end: number;
  /** Tokens from `start` to the end of the text. */
  tokensToEnd: number;
}

/**
 * The pieces of text[from..] (between the cuts above), last first, each with the exact tokens from
 * its start to the end of the text; a piece that starts before `from` is left out.
 */
export function* piecesFromEnd(text: string, from: number): Generator<TrailingPiece> {
  let end = text.length;
  let tokensToEnd = 0;
  while (end > from) {
    let start = end - 1;
    while (start > 0 && !isCut(text, start)) start--;
    if (start < from) return;
    tokensToEnd += countPiece(text, start, end);
    yield { start, end, tokensToEnd };
    end = start;
  }
}

function isCut(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return cutsBefore(CHAR_KINDS[text.charCodeAt(i - 1)] as number, CHAR_KINDS[code] as number, code);
}

/** Whether cut (a) or (b) above falls before a character of `kind` that follows one of `previous`. */
function cutsBefore(previous: number, kind: number, code: number): boolean {
  return kind === SPACE ? previous === OTHER : kind === OTHER && previous === LINE_BREAK && code !== SLASH;
}

/** The first and last piece of the text scan() last counted in full. */
const edges = { headEnd: -1, headTokens: 0, tailStart: 0, tailTokens: 0 };

function scan(text: string, limit: number, maxRun: number): number {
  let total = 0;
  let start = 0;
  let previous = LINE_BREAK;
  edges.headEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = CHAR_KINDS[code] as number;
    if (cutsBefore(previous, kind, code) && i > start) {
      const tokens = countPiece(text, start, i);
      if (start === 0) {
        edges.headEnd = i;
        edges.headTokens = tokens;
      }
      total += tokens;
      if (total > limit) return Number.POSITIVE_INFINITY;
      start = i;
    } else if (i - start >= maxRun) {
      return Number.POSITIVE_INFINITY;
    }
    previous = kind;
  }
  edges.tailStart = start;
  edges.tailTokens = start < text.length ? countPiece(text, start, text.length) : 0;
  total += edges.tailTokens;
  return total > limit ? Number.POSITIVE_INFINITY : total;
}

/** Tokens in text[start, end). */
function countPiece(text: string, start: number, end: number): number {
  const piece = text.slice(start, end);
  if (piece.length > MAX_CACHED_PIECE_LENGTH) return countByPretokens(piece);
  let count = pieceCounts.get(piece);
  if (count === undefined) {
    count = countByPretokens(piece);
    if (pieceCounts.size >= MAX_CACHED_PIECES) pieceCounts.clear();
    pieceCounts.set(piece, count);
  }
  return count;
}
