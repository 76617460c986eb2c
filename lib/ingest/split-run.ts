import { countPretoken, pretokenPattern } from "./pretokens";
import type { Piece } from "./split-text";
import { countTokens, wholePiece } from "./tokens";

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** Longer pre-tokens are not counted whole: merging is quadratic in a pre-token's length. */
const MAX_PRETOKEN_LENGTH = 256;
/**
 * Caps a window cut from one huge pre-token, for the same reason; 16 characters per token is more
 * than any text but long runs of one symbol.
 */
const MAX_CHARS_PER_TOKEN = 16;
/** Windows are aimed a little under the limit so that one count usually settles their length. */
const AIM = 0.95;
/** A window smaller than this share of the limit is grown (a short first guess) unless the text ends. */
const FULL_ENOUGH = 0.75;
const MAX_ATTEMPTS = 8;

/**
 * The last resort for a word with no boundary inside (a 2 MB line of base64, a long hash): runs of
 * at most `maxTokens` tokens cut at the tokenizer's pre-token boundaries, where counts add up
 * exactly (see tokens.ts), so each pre-token is counted once. A single pre-token too big for a chunk
 * (a line of one repeated letter) is cut between graphemes, or between code points inside a grapheme
 * too big for a chunk, never inside a surrogate pair.
 */
export function* splitRun({ text, separator }: Piece, maxTokens: number): Generator<Piece> {
  const run = (start: number, end: number, tokens: number): Piece => ({
    text: text.slice(start, end),
    separator: start === 0 ? separator : "",
    level: "run",
    count: wholePiece(tokens),
  });
  const pretokens = pretokenPattern();
  let start = 0;
  let end = 0;
  let tokens = 0;
  for (let match = pretokens.exec(text); match !== null; match = pretokens.exec(text)) {
    const pretoken = match[0];
    const count = pretoken.length > MAX_PRETOKEN_LENGTH ? Number.POSITIVE_INFINITY : countPretoken(pretoken);
    if (tokens + count > maxTokens && end > start) {
      yield run(start, end, tokens);
      start = end;
      tokens = 0;
    }
    end = match.index + pretoken.length;
    if (count <= maxTokens) {
      tokens += count;
      continue;
    }
    for (const window of windows(text, start, end, maxTokens))
      yield run(window.start, window.end, window.tokens);
    start = end;
  }
  if (end > start) yield run(start, end, tokens);
}

/** text[from, to) cut into windows of at most `maxTokens` tokens, each counted exactly. */
function* windows(text: string, from: number, to: number, maxTokens: number) {
  // Segmenting once copies the text into ICU; each later lookup around a cut is local.
  const graphemes = GRAPHEMES.segment(text.slice(from, to));
  const maxLength = maxTokens * MAX_CHARS_PER_TOKEN;
  let charsPerToken = 4;
  let start = from;
  while (start < to) {
    let length = Math.min(maxLength, Math.floor(maxTokens * charsPerToken * AIM));
    let end = start;
    let tokens = 0;
    for (let attempt = 1; ; attempt++) {
      const candidate = cutBefore(
        text,
        graphemes,
        from,
        start,
        Math.min(to, start + Math.max(1, length)),
        to,
      );
      const count = countTokens(text.slice(start, candidate));
      if (count <= maxTokens && candidate > end) {
        end = candidate;
        tokens = count;
      }
      const done =
        count <= maxTokens && (candidate === to || length >= maxLength || count >= maxTokens * FULL_ENOUGH);
      if (done || (attempt >= MAX_ATTEMPTS && end > start)) break;
      length = Math.min(maxLength, Math.floor(((candidate - start) * maxTokens * AIM) / count));
    }
    yield { start, end, tokens };
    charsPerToken = (end - start) / tokens;
    start = end;
  }
}

/**
 * A cut at or just before `index` that splits no grapheme (no code point, when one grapheme is too
 * long); `graphemes` segments text[from, to).
 */
function cutBefore(
  text: string,
  graphemes: Intl.Segments,
  from: number,
  start: number,
  index: number,
  to: number,
) {
  if (index >= to) return to;
  const grapheme = graphemes.containing(index - from);
  if (grapheme && from + grapheme.index > start) return from + grapheme.index;
  const splitsPair = isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1));
  if (!splitsPair) return index;
  return index - 1 > start ? index - 1 : index + 1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
