import { countTokens as countWithTokenizer } from "gpt-tokenizer/encoding/o200k_base";
import { O200K_TOKEN_SPLIT_REGEX } from "gpt-tokenizer/encodingParams/constants";

/*
 * o200k_base tokenizes in two steps: O200K_TOKEN_SPLIT_REGEX cuts text into pre-tokens, then
 * byte-pair merging runs inside each one alone. So a text's count is the sum of its pre-tokens'
 * counts, and each distinct pre-token needs merging once.
 */

/** Document text is data: "<|endoftext|>" in a file is counted as the characters it is, not refused. */
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };
/** Bounds the memo; new pieces share pre-tokens (" word" in " word," and " word."). */
const MAX_MEMO_ENTRIES = 100_000;
/** Longer pre-tokens rarely repeat; they also go to the library, quicker on long runs of one symbol. */
const MAX_MEMO_LENGTH = 64;

const memo = new Map<string, number>();

/** A fresh pre-token matcher: exec() keeps its position in lastIndex, so each loop needs its own. */
export function pretokenPattern(): RegExp {
  return new RegExp(O200K_TOKEN_SPLIT_REGEX.source, "gu");
}

const PRETOKENS = pretokenPattern();

/** Tokens in `text`, pre-token by pre-token. */
export function countByPretokens(text: string): number {
  let count = 0;
  PRETOKENS.lastIndex = 0;
  for (let match = PRETOKENS.exec(text); match !== null; match = PRETOKENS.exec(text)) {
    count += countPretoken(match[0]);
  }
  return count;
}

/** Tokens in one pre-token (a match of pretokenPattern()). */
export function countPretoken(pretoken: string): number {
  if (pretoken.length > MAX_MEMO_LENGTH) return countWithTokenizer(pretoken, AS_PLAIN_TEXT);
  let count = memo.get(pretoken);
  if (count === undefined) {
    count = countWithTokenizer(pretoken, AS_PLAIN_TEXT);
    if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
    memo.set(pretoken, count);
  }
  return count;
}
