/*
 * The words of a question that carry its meaning, shared by the offline answerer (which matches them
 * against document sentences) and the query rewriter (which carries them into a follow-up question).
 */

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: "word" });

// Function words, and the words questions are phrased with ("how long does it take", "can you tell
// me"): they match every sentence, or none, and say nothing about which sentence answers.
const ENGLISH_STOP_WORDS = `a about above after again all also am an and any are as at be been before being
below between both but by can could did do does doing done during each either else ever every few for from
further had has have having he her here hers him his how i if in into is it its itself just let me might
more most much must my myself no nor not now of off on once only or other our ours out over own please
same shall she should so some such than that the their theirs them then there these they this those
through to too under until up upon us very was we were what when where whether which while who whom whose
why will with within would yes yet you your yours
don't doesn't didn't isn't aren't wasn't weren't can't cannot couldn't won't wouldn't shouldn't i'm i've
long many often get gets got take takes took need needs want wants happen happens mean means make makes
tell know say says give find go goes like`;

// The same for Chinese, as Intl.Segmenter cuts it: particles, pronouns and question words ("多长时间",
// "什么时候": how long, when).
const CHINESE_STOP_WORDS = `的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 么 什么 什么时候 时候 怎么 怎样 怎么样 如何 为什么 多少 几 哪
哪里 哪儿 哪些 哪个 谁 请 请问 我 我们 你 你们 您 他 她 它 他们 她们 它们 这 那 这个 那个 这些 那些 有 没有 会 能
可以 要 需要 多 长 久 多久 时间 就 都 也 还 对 把 被 给`;

const STOP_WORDS = new Set([...ENGLISH_STOP_WORDS.split(/\s+/), ...CHINESE_STOP_WORDS.split(/\s+/)]);

/** The words of a text, lower-cased, in order; a possessive "'s" is dropped ("Northwind's" → "northwind"). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (isWordLike)
      words.push(
        segment
          .toLowerCase()
          .replace(/['’]s$/, "")
          .replace(/’/g, "'"),
      );
  }
  return words;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The words of a text that are not stop words, in order, repeats included. */
export function contentWordsOf(text: string): string[] {
  return wordsOf(text).filter((word) => !isStopWord(word));
}
