import { APICallError, embedMany, RetryError } from "ai";
import type { TextEmbedder } from "./embedder";
import { createOpenAI } from "./openai-sdk";

// Texts per embedMany call, and so per progress step. embedMany splits a batch further when it
// passes the provider's own limits (OpenAI: 2,048 inputs or 300 kB per request).
export const REMOTE_BATCH_SIZE = 96;

// Retries per request on 408/409/429/5xx. The AI SDK waits as the server's retry-after(-ms) header
// says, or 2 s, 4 s, 8 s…: five retries ride out a rate-limit window of about a minute.
const DEFAULT_MAX_RETRIES = 5;

// Only OpenAI's text-embedding-3 models can return shorter vectors on request; other servers may
// reject the field, so it is sent only when the configured size differs from the model's own.
const NATIVE_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
};

export interface RemoteEmbedderOptions {
  model: string;
  dimensions: number;
  apiKey?: string;
  /** An OpenAI-compatible server (Ollama, vLLM, LM Studio…); OpenAI itself when absent. */
  baseUrl?: string;
  maxRetries?: number;
}

/** The server's own words and status, without the SDK's error class names. */
function serverReason(error: unknown): string {
  if (APICallError.isInstance(error) && error.statusCode)
    return `${error.message} (HTTP ${error.statusCode})`;
  return error instanceof Error ? error.message : String(error);
}

function describeFailure(error: unknown): string {
  if (RetryError.isInstance(error)) {
    return `failed after ${error.errors.length} attempts: ${serverReason(error.lastError)}`;
  }
  return `failed: ${serverReason(error)}`;
}

/** An embedding model behind the OpenAI embeddings API, at OpenAI or any compatible server. */
export function createRemoteEmbedder(options: RemoteEmbedderOptions): TextEmbedder {
  const { model, dimensions, baseUrl, maxRetries = DEFAULT_MAX_RETRIES } = options;
  // Local servers need no key, but the SDK insists on one (or reads OPENAI_API_KEY behind the
  // config's back): an empty key sends an empty bearer token, which they ignore.
  const provider = createOpenAI({ apiKey: options.apiKey ?? "", baseURL: baseUrl });
  const embeddingModel = provider.embedding(model);
  const native = NATIVE_DIMENSIONS[model];
  const requestedDimensions = native !== undefined && native !== dimensions ? dimensions : undefined;
  const where = baseUrl ?? "OpenAI";

  return {
    model,
    dimensions,

    async embed(texts, { onProgress, signal } = {}) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += REMOTE_BATCH_SIZE) {
        let embeddings: number[][];
        try {
          ({ embeddings } = await embedMany({
            model: embeddingModel,
            values: texts.slice(start, start + REMOTE_BATCH_SIZE),
            dimensions: requestedDimensions,
            maxRetries,
            abortSignal: signal,
          }));
        } catch (error) {
          if (signal?.aborted) throw error;
          throw new Error(`The embedding model "${model}" at ${where} ${describeFailure(error)}`, {
            cause: error,
          });
        }
        const wrong = embeddings.find((vector) => vector.length !== dimensions);
        if (wrong) {
          throw new Error(
            `EMBEDDING_DIMENSIONS is ${dimensions} but model ${model} returned ${wrong.length}-dimensional vectors; ` +
              `set EMBEDDING_DIMENSIONS=${wrong.length}`,
          );
        }
        vectors.push(...embeddings);
        onProgress?.(vectors.length);
      }
      return vectors;
    },

    // Requests go through the process-wide fetch pool: nothing of its own to free.
    close: async () => {},
  };
}
