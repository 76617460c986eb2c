import type { ModelMessage } from "ai";
import type { Database } from "@/db/database";
import type { TextEmbedder } from "@/lib/ai/embedder";
import { buildRagPrompt, type ChatTurn } from "@/lib/ai/prompts";
import type { ChatModel } from "@/lib/ai/providers";
import { hybridSearch } from "@/lib/retrieval/hybrid-search";
import { type Citation, toCitations } from "./messages";
import { rewriteQuery } from "./rewrite-query";

/** How many chunks an answer is given to read. */
export const CONTEXT_CHUNKS = 6;

/** A question made ready for the model: what was searched, what was found, and the prompt. */
export interface PreparedAnswer {
  question: string;
  /** The standalone search query a follow-up question was rewritten into (the question itself otherwise). */
  searchQuery: string;
  citations: Citation[];
  prompt: { instructions: string; messages: ModelMessage[] };
  retrievalMs: number;
}

/**
 * Stage 2: rewrites a follow-up into a standalone query (with the LLM when one is configured, by a
 * heuristic offline), retrieves the best chunks of the allowed sources, and fills the prompt template.
 */
export async function prepareAnswer({
  db,
  embedder,
  chatModel,
  question,
  history,
  sourceIds,
  abortSignal,
}: {
  db: Database;
  embedder: TextEmbedder;
  chatModel: ChatModel;
  question: string;
  /** The earlier turns of the conversation, oldest first. */
  history: ChatTurn[];
  /** Only these sources; all ready sources when absent. */
  sourceIds?: string[];
  abortSignal?: AbortSignal;
}): Promise<PreparedAnswer> {
  const started = performance.now();
  // The offline answerer cannot rewrite text, so a follow-up is completed by the heuristic instead.
  const rewriter = chatModel.provider === "offline" ? undefined : chatModel.model;
  const searchQuery = await rewriteQuery({ question, history, model: rewriter, abortSignal });
  const results = await hybridSearch({ db, embedder, query: searchQuery, k: CONTEXT_CHUNKS, sourceIds });
  const retrievalMs = Math.round(performance.now() - started);
  return {
    question,
    searchQuery,
    citations: toCitations(results),
    prompt: buildRagPrompt({ question, context: results, history }),
    retrievalMs,
  };
}
