// Han, Hiragana, Katakana and Hangul: scripts written without spaces between words.
const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: "word" });

/**
 * The text given to Postgres full-text search for a chunk. Postgres's parser finds words by spaces,
 * so Chinese or Japanese text would become one long "word" and never match a keyword; here such text
 * gets spaces between the words Intl.Segmenter finds. Text in other scripts is returned as it is.
 */
export function toSearchText(text: string): string {
  if (!SPACELESS_SCRIPT.test(text)) return text;
  const words: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (isWordLike) words.push(segment);
  }
  return words.join(" ");
}
