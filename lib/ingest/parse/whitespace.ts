/* Whitespace between words: collapsing it as HTML does, and restoring it where a line was wrapped. */

/**
 * Scripts written without spaces between words (Chinese, Japanese) and their full-width punctuation.
 * Korean is left out: it puts spaces between words.
 */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** Runs of whitespace, line breaks included, as one space: how a browser shows ordinary text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The lines of one wrapped paragraph as running text. A line break inside a paragraph stands for a
 * space, except between two Chinese or Japanese characters, where a space would split a word, and
 * after a word broken with a hyphen ("well-" + "known"), which continues on the next line.
 */
export function joinLines(lines: readonly string[]): string {
  let text = "";
  for (const line of lines) {
    if (!line) continue;
    if (text && !continuesWithoutSpace(text, line)) text += " ";
    text += line;
  }
  return text;
}

function continuesWithoutSpace(before: string, after: string): boolean {
  const last = lastCharacter(before);
  const first = String.fromCodePoint(after.codePointAt(0) ?? 0);
  if (UNSPACED_SCRIPT.test(last) && UNSPACED_SCRIPT.test(first)) return true;
  return /\p{L}-$/u.test(before.slice(-3)) && /^\p{Ll}/u.test(first);
}

function lastCharacter(text: string): string {
  const code = text.codePointAt(text.length - 1) ?? 0;
  // A low surrogate at the end means the last character is the pair before it.
  return code >= 0xdc00 && code <= 0xdfff && text.length > 1
    ? String.fromCodePoint(text.codePointAt(text.length - 2) ?? 0)
    : String.fromCodePoint(code);
}
