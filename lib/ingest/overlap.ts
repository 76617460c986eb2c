import {
  type CountedText,
  countTokens,
  countTokensWithin,
  measureTokens,
  piecesFromEnd,
  type TrailingPiece,
} from "./tokens";

/** The end of the previous chunk that the next one opens with. */
export type Overlap = CountedText;

/** One of the texts a chunk was joined from, and whether it starts a sentence (or a paragraph, a line). */
export type ChunkText = CountedText & { opensSentence: boolean };

/**
 * Only the end of the previous chunk is read for words: twice the budget, at the chunk's own
 * characters per token (~4 in English, ~1.3 in Chinese, whose segmenting is the slow part).
 */
const WINDOW_BUDGETS = 2;
const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });
const SENTENCE_ENDS = ".!?。！？…";
const CLOSERS = "\"'”’)]}」』）》";

/**
 * What the next chunk repeats of the previous one, so a passage cut at the boundary reads whole in
 * one of them: the end of `content` (joined from `texts`) in about `budget` tokens, starting at a
 * sentence when whole sentences give at least half the budget, else at the farthest word that fits.
 * Null when not even the last word fits.
 */
export function trailingOverlap(
  content: string,
  texts: readonly ChunkText[],
  budget: number,
): Overlap | null {
  if (budget < 1) return null;
  const sentences = wholeSentences(texts, budget);
  if (sentences !== null) return measured(content.slice(content.length - sentences));
  const tokens = texts.reduce((sum, { count }) => sum + count.tokens, 0);
  const from = Math.max(0, content.length - Math.ceil((WINDOW_BUDGETS * budget * content.length) / tokens));
  const words = trailingWords(content, from, budget);
  if (words !== null && words.count.tokens * 2 >= budget) return words;
  // Too few spaces for half the budget (Chinese, Japanese): the segmenter knows the words.
  const segmented = pickStart(content, segmentedWords(content, from), budget);
  const reachesFurther =
    segmented !== null && (words === null || segmented.index < content.length - words.text.length);
  return reachesFurther ? measured(content.slice(segmented.index)) : words;
}

function measured(text: string): Overlap {
  return { text, separator: "", count: measureTokens(text, Number.POSITIVE_INFINITY) };
}

/** The length of the last texts the chunk was joined from, when they start a sentence and fit. */
function wholeSentences(texts: readonly ChunkText[], budget: number): number | null {
  let tokens = 0;
  let length = 0;
  let best: number | null = null;
  for (let k = texts.length - 1; k > 0; k--) {
    const { text, separator, count, opensSentence } = texts[k] as ChunkText;
    tokens += count.tokens;
    length += text.length;
    if (tokens > budget) break;
    if (opensSentence && tokens * 2 >= budget) best = length;
    tokens += separator.includes("\n") ? 1 : 0;
    length += separator.length;
  }
  return best;
}

/** A word where the overlap may start, the tokenizer piece it starts, and the tokens after that piece. */
interface WordStart {
  start: number;
  piece: TrailingPiece;
  after: number;
}

/**
 * The end of `content` from the farthest word within budget (from a sentence, when one gives at
 * least half the budget), counted exactly from the tokenizer pieces it falls in: words start pieces.
 */
function trailingWords(content: string, from: number, budget: number): Overlap | null {
  let last: TrailingPiece | null = null;
  let word: WordStart | null = null;
  let sentence: WordStart | null = null;
  let after = 0;
  for (const piece of piecesFromEnd(content, from)) {
    if (piece.tokensToEnd > budget) break;
    last ??= piece;
    let start = piece.start;
    while (start < piece.end && isSpace(content, start)) start++;
    if (start < piece.end) {
      word = { start, piece, after };
      if (piece.tokensToEnd * 2 >= budget && startsSentence(content, start)) sentence = word;
    }
    after = piece.tokensToEnd;
  }
  const chosen = sentence ?? word;
  if (chosen === null || last === null) return null;
  const { start, piece } = chosen;
  // The first word lost its leading space: count that piece again; the rest is as in `content`.
  const headTokens =
    start === piece.start ? piece.tokensToEnd - chosen.after : countTokens(content.slice(start, piece.end));
  const single = piece === last;
  return {
    text: content.slice(start),
    separator: "",
    count: {
      tokens: chosen.after + headTokens,
      headEnd: single ? -1 : piece.end - start,
      headTokens,
      tailStart: single ? 0 : last.start - start,
      tailTokens: single ? headTokens : last.tokensToEnd,
    },
  };
}

/** Walks back word by word while the estimate stays within budget; prefers a sentence start. */
function pickStart(
  text: string,
  words: Iterable<[number, number]>,
  budget: number,
): { index: number; tokens: number } | null {
  let tokens = 0;
  let word: { index: number; tokens: number } | null = null;
  let sentence: { index: number; tokens: number } | null = null;
  for (const [start, end] of words) {
    tokens += countTokensWithin(text.slice(start, end), budget);
    if (tokens > budget) break;
    word = { index: start, tokens };
    if (tokens * 2 >= budget && startsSentence(text, start)) sentence = word;
  }
  return sentence ?? word;
}

/** [start, end) of each word in text[from..], last first, each with the punctuation that follows it. */
function segmentedWords(text: string, from: number): Array<[number, number]> {
  const starts: number[] = [];
  for (const { index, isWordLike } of WORDS.segment(text.slice(from))) {
    if (isWordLike && (index > 0 || from === 0)) starts.push(from + index);
  }
  const words = starts.map((start, k): [number, number] => [
    start,
    start + text.slice(start, starts[k + 1]).trimEnd().length,
  ]);
  return words.reverse();
}

/** Whether a word opens a sentence or a line, judging by what precedes it. */
function startsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && isSpace(text, i)) {
    if (text[i] === "\n") return true;
    i--;
  }
  while (i >= 0 && CLOSERS.includes(text[i] as string)) i--;
  return i >= 0 && SENTENCE_ENDS.includes(text[i] as string);
}

function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && /\s/.test(text[index] as string));
}
