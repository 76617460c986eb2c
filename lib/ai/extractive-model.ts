import type {
  LanguageModelV4,
  LanguageModelV4FinishReason,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { countTokens } from "@/lib/ingest/tokens";
import { contentWordsOf, wordsOf } from "./content-words";
import type { ContextBlock } from "./context-blocks";
import { sentencesOf } from "./document-sentences";
import { NOT_FOUND_ANSWER, parseQuestionMessage } from "./prompts";

/*
 * The zero-config answerer: no weights, no network. It reads the numbered documents and the question
 * of the prompt buildRagPrompt() made, and answers with the document sentences that best match the
 * question, each cited. It never writes a word of its own, so it cannot state what the documents do
 * not say, and instructions inside a document are only ever quoted.
 */

/**
 * The share of the question's (idf-weighted) words a sentence must match to be an answer: more than
 * half, so of two equally telling words ("Lisbon office") one alone is not enough.
 */
const RELEVANCE_THRESHOLD = 0.55;
/** A second or third sentence joins the answer only when it scores this close to the best one. */
const COMPANION_SHARE = 0.75;
const MAX_SENTENCES = 3;
/** Share of the shorter sentence's words the longer one must hold for the two to say the same thing. */
const RESTATEMENT_SHARE = 0.8;
/** Headings, "Page 2" and table rows of one cell are not sentences that answer anything. */
const MIN_SENTENCE_WORDS = 3;
/** How much a related word ("deploy" for "deployments") counts next to the same word. */
const RELATED_WORD_WEIGHT = 0.75;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: "word" });
const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_SENTENCE_END = /[。！？]$/u;

interface Sentence {
  document: number;
  text: string;
  words: Set<string>;
}

/** A light English stemmer: enough for "refunds"/"refund", "processed"/"processing", "closes"/"close". */
function stem(word: string): string {
  if (!/^[a-z]{4,}$/.test(word)) return word;
  let base = word;
  if (base.endsWith("ies")) base = `${base.slice(0, -3)}y`;
  else if (/(?:ss|x|ch|sh)es$/.test(base)) base = base.slice(0, -2);
  else if (base.endsWith("s") && !/(?:ss|us|is)$/.test(base)) base = base.slice(0, -1);
  if (base.length >= 6 && base.endsWith("ing")) base = base.slice(0, -3);
  else if (base.length >= 5 && base.endsWith("ed")) base = base.slice(0, -2);
  if (base.length >= 5 && base.endsWith("e")) base = base.slice(0, -1);
  return base;
}

/** Words of one family: "deploy" and "deployment", or Chinese "暑假" inside "放暑假". */
function related(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (SPACELESS_SCRIPT.test(shorter)) return shorter.length >= 2 && longer.includes(shorter);
  return shorter.length >= 4 && longer.startsWith(shorter);
}

function matchStrength(word: string, sentence: Sentence): number {
  if (sentence.words.has(word)) return 1;
  for (const other of sentence.words) if (related(word, other)) return RELATED_WORD_WEIGHT;
  return 0;
}

function sentencesOfDocuments(documents: readonly ContextBlock[]): Sentence[] {
  const sentences: Sentence[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    for (const text of sentencesOf(document.content)) {
      // Overlapping chunks repeat sentences; the first (best-ranked) document keeps the citation.
      if (seen.has(text) || wordsOf(text).length < MIN_SENTENCE_WORDS) continue;
      seen.add(text);
      sentences.push({ document: document.index, text, words: new Set(contentWordsOf(text).map(stem)) });
    }
  }
  return sentences;
}

/**
 * Each sentence's share of the question's words, weighted by inverse document frequency over the
 * sentences, so a rare word ("refund") decides more than one every sentence shares ("Northwind").
 * A question word no sentence has weighs as much as the rarest word one sentence has: enough that an
 * answer matching only "Northwind" of "parking at Northwind" falls short, not so much that one
 * word the documents phrase differently ("hires" for "colleague") sinks a sentence matching the rest.
 */
function scoreSentences(sentences: readonly Sentence[], questionWords: readonly string[]): number[] {
  const scores = sentences.map(() => 0);
  let totalWeight = 0;
  for (const word of questionWords) {
    const strengths = sentences.map((sentence) => matchStrength(word, sentence));
    const frequency = Math.max(1, strengths.filter((strength) => strength > 0).length);
    const weight = Math.log(1 + (sentences.length - frequency + 0.5) / (frequency + 0.5));
    totalWeight += weight;
    strengths.forEach((strength, i) => {
      scores[i] = (scores[i] as number) + weight * strength;
    });
  }
  return scores.map((score) => (totalWeight > 0 ? score / totalWeight : 0));
}

/** The sentence with its citations before its closing punctuation: "… within 14 days [2]." */
function cite(sentence: string, indexes: readonly number[]): string {
  const [, body = sentence, end = ""] = /^(.*?)([.!?。！？…]*)$/su.exec(sentence) ?? [];
  const marker = `[${indexes.join(", ")}]`;
  return SPACELESS_SCRIPT.test(body.slice(-1)) ? `${body}${marker}${end}` : `${body} ${marker}${end}`;
}

/**
 * Whether one sentence says what the other does: nearly all the words of the shorter one are in the
 * longer one ("Refunds take 14 days." and "Refunds take 14 days of receiving the item.").
 */
function restates(a: Sentence, b: Sentence): boolean {
  const [shorter, longer] = a.words.size <= b.words.size ? [a, b] : [b, a];
  if (shorter.words.size === 0) return false;
  let shared = 0;
  for (const word of shorter.words) if (longer.words.has(word)) shared += 1;
  return shared / shorter.words.size >= RESTATEMENT_SHARE;
}

/** The answer to `question` from `documents`: up to three cited sentences, or NOT_FOUND_ANSWER. */
function composeAnswer(documents: readonly ContextBlock[], question: string): string {
  const questionWords = [...new Set(contentWordsOf(question).map(stem))];
  const sentences = sentencesOfDocuments(documents);
  if (questionWords.length === 0 || sentences.length === 0) return NOT_FOUND_ANSWER;

  const scores = scoreSentences(sentences, questionWords);
  // Best first; a stable sort keeps ties in document order, so the answer never depends on chance.
  const ranked = sentences.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const best = scores[ranked[0] as number] as number;
  if (best < RELEVANCE_THRESHOLD) return NOT_FOUND_ANSWER;

  const floor = Math.max(RELEVANCE_THRESHOLD, best * COMPANION_SHARE);
  // A sentence that restates a better one is not said twice: its document is cited on that one.
  const chosen: { sentence: number; documents: number[] }[] = [];
  for (const i of ranked) {
    if ((scores[i] as number) < floor) break;
    const candidate = sentences[i] as Sentence;
    const restated = chosen.find((pick) => restates(sentences[pick.sentence] as Sentence, candidate));
    if (restated) {
      if (!restated.documents.includes(candidate.document)) restated.documents.push(candidate.document);
    } else if (chosen.length < MAX_SENTENCES) {
      chosen.push({ sentence: i, documents: [candidate.document] });
    }
  }
  // In the documents' order, the way they read, rather than by score.
  chosen.sort((a, b) => a.sentence - b.sentence);
  return chosen.reduce((answer, pick, n) => {
    const sentence = sentences[pick.sentence] as Sentence;
    const separator = n === 0 || CJK_SENTENCE_END.test(answer) ? "" : " ";
    return answer + separator + cite(sentence.text, pick.documents);
  }, "");
}

function textOf(message: LanguageModelV4Prompt[number]): string {
  if (message.role === "system") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

function answerPrompt(prompt: LanguageModelV4Prompt): { text: string; usage: LanguageModelV4Usage } {
  const lastUserMessage = prompt.findLast((message) => message.role === "user");
  let text = NOT_FOUND_ANSWER;
  if (lastUserMessage) {
    const { documents, question } = parseQuestionMessage(textOf(lastUserMessage));
    text = composeAnswer(documents, question);
  }
  const input = prompt.reduce((total, message) => total + countTokens(textOf(message)), 0);
  const output = countTokens(text);
  return {
    text,
    usage: {
      inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: output, text: output, reasoning: 0 },
    },
  };
}

/** The answer in pieces of about a word, each with the spaces and punctuation that follow it. */
function deltasOf(text: string): string[] {
  const deltas: string[] = [];
  let piece = "";
  let pieceHasWord = false;
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (isWordLike && pieceHasWord) {
      deltas.push(piece);
      piece = "";
    }
    piece += segment;
    if (isWordLike) pieceHasWord = true;
  }
  if (piece) deltas.push(piece);
  return deltas;
}

const STOP: LanguageModelV4FinishReason = { unified: "stop", raw: undefined };
const TEXT_ID = "answer";

function streamAnswer(
  text: string,
  usage: LanguageModelV4Usage,
  abortSignal: AbortSignal | undefined,
): ReadableStream<LanguageModelV4StreamPart> {
  const parts: LanguageModelV4StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: TEXT_ID },
    ...deltasOf(text).map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id: TEXT_ID, delta })),
    { type: "text-end", id: TEXT_ID },
    { type: "finish", usage, finishReason: STOP },
  ];
  let next = 0;
  let stopOnAbort: (() => void) | undefined;
  const release = () => {
    if (stopOnAbort) abortSignal?.removeEventListener("abort", stopOnAbort);
  };
  return new ReadableStream({
    start(controller) {
      // Fail the stream the moment the caller aborts, like a provider whose request was cancelled,
      // rather than at the next read.
      stopOnAbort = () => controller.error(abortSignal?.reason);
      abortSignal?.addEventListener("abort", stopOnAbort, { once: true });
    },
    pull(controller) {
      if (abortSignal?.aborted) {
        controller.error(abortSignal.reason);
        return release();
      }
      controller.enqueue(parts[next++] as LanguageModelV4StreamPart);
      if (next === parts.length) {
        controller.close();
        release();
      }
    },
    cancel: release,
  });
}

/** The built-in offline answerer, used when no chat model is configured. Same prompt, same answer. */
export function createExtractiveModel(): LanguageModelV4 {
  return {
    specificationVersion: "v4",
    provider: "docent",
    modelId: "offline/extractive",
    supportedUrls: {},
    async doGenerate({ prompt, abortSignal }) {
      abortSignal?.throwIfAborted();
      const { text, usage } = answerPrompt(prompt);
      return { content: [{ type: "text", text }], finishReason: STOP, usage, warnings: [] };
    },
    async doStream({ prompt, abortSignal }) {
      abortSignal?.throwIfAborted();
      const { text, usage } = answerPrompt(prompt);
      return { stream: streamAnswer(text, usage, abortSignal) };
    },
  };
}
