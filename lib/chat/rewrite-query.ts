import { generateText, type LanguageModel } from "ai";
import { contentWordsOf, wordsOf } from "@/lib/ai/content-words";
import { buildRewritePrompt, type ChatTurn } from "@/lib/ai/prompts";
import { log } from "@/lib/log";

/** Shorter questions ("Berlin?", "and sick leave?") lean on the conversation for their topic. */
const MIN_STANDALONE_WORDS = 3;
/** How many earlier questions a chain of follow-ups may borrow words from. */
const MAX_EARLIER_QUESTIONS = 3;
/** A sensible query is a line; anything longer is the model answering instead of rewriting. */
const MAX_QUERY_LENGTH = 500;

const LEADING_CONNECTIVES = new Set([
  "and",
  "but",
  "also",
  "so",
  "then",
  "or",
  "plus",
  "那",
  "那么",
  "还有",
  "另外",
]);
const LEADING_PHRASES = new Set(["what about", "how about", "what if"]);
// Words that point back at something said earlier ("how long does it last?", "the second one").
const ANAPHORA = new Set([
  "it",
  "its",
  "itself",
  "this",
  "that",
  "these",
  "those",
  "they",
  "them",
  "their",
  "he",
  "she",
  "him",
  "her",
  "his",
  "one",
  "ones",
  "former",
  "latter",
  "same",
  "它",
  "它们",
  "他们",
  "她们",
  "这个",
  "那个",
  "这些",
  "那些",
]);

/** Whether a question can be searched on its own, without the conversation before it. */
export function isStandaloneQuestion(question: string): boolean {
  const words = wordsOf(question);
  if (words.length < MIN_STANDALONE_WORDS) return false;
  if (LEADING_CONNECTIVES.has(words[0] as string) || LEADING_PHRASES.has(words.slice(0, 2).join(" "))) {
    return false;
  }
  return !words.some((word) => ANAPHORA.has(word));
}

/**
 * The offline rewrite: a follow-up gets the content words of the questions before it, back to the
 * last one that stood on its own ("how long does it last?" after "what is the refund policy?" →
 * "how long does it last? refund policy"). Full-text and vector search both only need the topic
 * words present, not a grammatical sentence.
 */
function completeFollowUp(question: string, history: readonly ChatTurn[]): string {
  const earlier = history.filter((turn) => turn.role === "user").slice(-MAX_EARLIER_QUESTIONS);
  if (earlier.length === 0 || isStandaloneQuestion(question)) return question;
  const own = new Set(contentWordsOf(question));
  const borrowed: string[] = [];
  for (const turn of earlier.reverse()) {
    for (const word of contentWordsOf(turn.text)) {
      if (!own.has(word) && !borrowed.includes(word)) borrowed.push(word);
    }
    if (isStandaloneQuestion(turn.text)) break;
  }
  return borrowed.length > 0 ? `${question.trim()} ${borrowed.join(" ")}` : question;
}

/**
 * The search query for `question`: the question itself when it stands alone, otherwise a standalone
 * query made from it and the conversation, by `model` when one is given (falling back to the
 * heuristic if the model fails or returns nothing) and by a deterministic heuristic otherwise.
 */
export async function rewriteQuery({
  question,
  history,
  model,
  abortSignal,
}: {
  question: string;
  /** The earlier turns, oldest first, without `question`. */
  history: readonly ChatTurn[];
  model?: LanguageModel;
  abortSignal?: AbortSignal;
}): Promise<string> {
  if (!history.some((turn) => turn.role === "user")) return question;
  if (!model) return completeFollowUp(question, history);
  try {
    const { text } = await generateText({
      model,
      ...buildRewritePrompt({ question, history }),
      temperature: 0,
      maxOutputTokens: 100,
      abortSignal,
    });
    const query = text
      .trim()
      .replace(/^["'“”]+|["'“”]+$/g, "")
      .trim();
    if (query && query.length <= MAX_QUERY_LENGTH) return query;
    log.warn({ length: query.length }, "The query rewriter returned no usable query; using the heuristic");
  } catch (error) {
    if (abortSignal?.aborted) throw error;
    log.warn({ err: error }, "The query rewriter failed; using the heuristic");
  }
  return completeFollowUp(question, history);
}
