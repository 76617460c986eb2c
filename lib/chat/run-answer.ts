import { randomUUID } from "node:crypto";
import { streamText } from "ai";
import type { Database } from "@/db/database";
import { insertTrace } from "@/db/queries/traces";
import { describeModelError } from "@/lib/ai/describe-model-error";
import type { ChatModel } from "@/lib/ai/providers";
import type { Config } from "@/lib/config";
import { DocentError } from "@/lib/errors";
import { log } from "@/lib/log";
import { createCitationFilter } from "./citation-filter";
import type { PreparedAnswer } from "./prepare-answer";
import { cacheResponse, lookUpCachedResponse, promptCacheKey } from "./response-cache";
import { validateCitations } from "./validate-citations";

// A cached answer is replayed in pieces of this many characters, so it streams like a fresh one.
const REPLAY_PIECE = 24;

export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
}

/** How an answer ended, as its trace records it. */
export interface AnswerOutcome {
  traceId: string;
  /** The answer as shown and stored: citations of unknown documents removed. */
  text: string;
  cited: number[];
  unknownCitations: number[];
  empty: boolean;
  notFound: boolean;
  cacheHit: boolean;
  usage: TokenUsage;
  /** Why the model gave no (complete) answer, in words for the user. */
  error?: string;
  /** The client went away (or pressed stop) before the answer ended. */
  aborted: boolean;
  firstTokenMs?: number;
  totalMs: number;
}

export interface AnswerRun {
  /**
   * The answer's text as it arrives. Ends early when aborted; throws a DocentError
   * (`unavailable:model`) with a readable message when the model fails.
   */
  textStream: AsyncIterable<string>;
  /** Settles once the stream has ended and the trace is written. */
  outcome: Promise<AnswerOutcome>;
}

export interface RunAnswerOptions {
  db: Database;
  chatModel: ChatModel;
  prepared: PreparedAnswer;
  cache: Config["responseCache"];
  abortSignal?: AbortSignal;
  conversationId?: string;
  messageId?: string;
  /** When the request began, so latencies include retrieval. */
  startedAt?: number;
}

async function* replay(text: string): AsyncIterable<string> {
  for (let at = 0; at < text.length; at += REPLAY_PIECE) yield text.slice(at, at + REPLAY_PIECE);
}

/**
 * Stage 3: runs the prepared prompt through the model (or replays the cached answer for the same
 * model and prompt), removes citations that point nowhere as the text streams, and writes one trace
 * for the answer however it ends: completed, failed, or stopped by the client.
 */
export function runAnswer(options: RunAnswerOptions): AnswerRun {
  const { db, chatModel, prepared, cache, conversationId, messageId } = options;
  const startedAt = options.startedAt ?? performance.now();
  const traceId = randomUUID();
  let settle: (outcome: AnswerOutcome) => void = () => {};
  const outcome = new Promise<AnswerOutcome>((resolve) => {
    settle = resolve;
  });

  // A model that has not finished in time is stopped and reported, rather than holding the request
  // (and the user) forever.
  const timeout = AbortSignal.timeout(chatModel.timeoutMs);
  const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal, timeout]) : timeout;
  const state = { usage: {} as TokenUsage, aborted: false };

  async function* modelDeltas(): AsyncIterable<string> {
    const result = streamText({ model: chatModel.model, ...prepared.prompt, abortSignal, maxRetries: 2 });
    for await (const part of result.stream) {
      if (part.type === "text-delta") yield part.text;
      else if (part.type === "error") throw part.error;
      else if (part.type === "abort") {
        if (timeout.aborted) throw new Error("timed out");
        state.aborted = true;
        return;
      } else if (part.type === "finish") {
        state.usage = {
          inputTokens: part.totalUsage.inputTokens,
          outputTokens: part.totalUsage.outputTokens,
        };
      }
    }
  }

  async function* textStream(): AsyncIterable<string> {
    const filter = createCitationFilter(prepared.citations.length);
    let text = "";
    let firstTokenMs: number | undefined;
    let error: string | undefined;
    let cacheHit = false;
    const emit = (safe: string) => {
      if (!safe) return "";
      firstTokenMs ??= Math.round(performance.now() - startedAt);
      text += safe;
      return safe;
    };
    try {
      const key = promptCacheKey({ model: chatModel.id, ...prepared.prompt });
      const cached = await lookUpCachedResponse({ db, cache, model: chatModel.id, key });
      cacheHit = Boolean(cached);
      if (cached) state.usage = cached.usage ?? {};
      for await (const delta of cached ? replay(cached.text) : modelDeltas()) {
        const safe = emit(filter.push(delta));
        if (safe) yield safe;
      }
      const rest = emit(filter.flush());
      if (rest) yield rest;
      if (!cached && !state.aborted && text.trim()) {
        await cacheResponse({ db, cache, model: chatModel.id, key, response: { text, usage: state.usage } });
      }
    } catch (failure) {
      if (options.abortSignal?.aborted && !timeout.aborted) {
        state.aborted = true;
        return;
      }
      error = describeModelError(failure, { timedOut: timeout.aborted });
      log.warn({ err: failure, model: chatModel.id, traceId }, "The language model failed to answer");
      throw new DocentError("unavailable:model", error, { cause: failure });
    } finally {
      const checked = validateCitations(text, prepared.citations.length);
      const result: AnswerOutcome = {
        traceId,
        text,
        cited: checked.cited,
        unknownCitations: filter.unknown,
        empty: checked.empty,
        notFound: checked.notFound,
        cacheHit,
        usage: state.usage,
        error,
        aborted: state.aborted,
        firstTokenMs,
        totalMs: Math.round(performance.now() - startedAt),
      };
      await recordTrace({ ...options, result }).catch((failure) =>
        log.error({ err: failure, traceId }, "Could not write the answer's trace"),
      );
      settle(result);
    }
  }

  return { textStream: textStream(), outcome };

  function recordTrace({ result }: { result: AnswerOutcome }) {
    return insertTrace({
      db,
      trace: {
        id: traceId,
        conversationId: conversationId ?? null,
        messageId: messageId ?? null,
        query: prepared.question,
        rewrittenQuery: prepared.searchQuery === prepared.question ? null : prepared.searchQuery,
        retrieved: prepared.citations.map(({ chunkId, score }) => ({ chunkId, score })),
        model: chatModel.id,
        promptTokens: result.usage.inputTokens ?? null,
        completionTokens: result.usage.outputTokens ?? null,
        cacheHit: result.cacheHit,
        retrievalMs: prepared.retrievalMs,
        firstTokenMs: result.firstTokenMs ?? null,
        totalMs: result.totalMs,
        validation: {
          cited: result.cited,
          unknownCitations: result.unknownCitations,
          empty: result.empty,
          notFound: result.notFound,
          aborted: result.aborted,
        },
        error: result.error ?? (result.aborted ? "Stopped before the answer ended" : null),
      },
    });
  }
}
