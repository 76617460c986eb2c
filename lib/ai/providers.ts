import type { LanguageModel } from "ai";
import type { ChatProvider, Config } from "../config";
import type { TextEmbedder } from "./embedder";
import { createExtractiveModel } from "./extractive-model";
import { createLocalEmbedder } from "./local-embedder";
import { createOpenAI } from "./openai-sdk";
import { createRemoteEmbedder } from "./remote-embedder";

// Kept on globalThis so Next.js's module reloads in development reuse one worker pool instead of
// starting another (and loading the model again) on every edit. Keyed by the settings that make an
// embedder, so a test or script with another configuration never gets the wrong model.
const globalForModels = globalThis as unknown as { docentEmbedders?: Map<string, TextEmbedder> };

function createEmbedder(config: Config): TextEmbedder {
  if (config.embedding.provider === "local") return createLocalEmbedder();
  return createRemoteEmbedder({
    model: config.embedding.model,
    dimensions: config.embedding.dimensions,
    apiKey: config.openai.apiKey,
    baseUrl: config.openai.baseUrl,
  });
}

/**
 * The embedding model the configuration names: the local one in worker threads, or a remote API.
 * Closing it forgets it, so a later call starts a fresh one instead of returning a closed embedder.
 */
export function getEmbedder(config: Config): TextEmbedder {
  globalForModels.docentEmbedders ??= new Map();
  const embedders = globalForModels.docentEmbedders;
  const key = JSON.stringify([config.embedding, config.openai]);
  const existing = embedders.get(key);
  if (existing) return existing;

  const created = createEmbedder(config);
  const embedder: TextEmbedder = {
    model: created.model,
    dimensions: created.dimensions,
    embed: (texts, options) => created.embed(texts, options),
    close: async () => {
      if (embedders.get(key) === embedder) embedders.delete(key);
      await created.close();
    },
  };
  embedders.set(key, embedder);
  return embedder;
}

/** Stops every embedder this process made (worker threads included); scripts and tests call it last. */
export async function closeEmbedder(): Promise<void> {
  const embedders = [...(globalForModels.docentEmbedders?.values() ?? [])];
  await Promise.all(embedders.map((embedder) => embedder.close()));
}

/** The language model the configuration names, and the name the UI and traces show for it. */
export interface ChatModel {
  model: LanguageModel;
  /** The model's id as traces and the response cache record it, e.g. "offline/extractive" or "gpt-5-mini". */
  id: string;
  /** What a person reads in the UI: the offline answerer is named honestly as such. */
  label: string;
  provider: ChatProvider;
  /** How long one answer may take, retries included. */
  timeoutMs: number;
}

/**
 * The chat model for the configuration: the built-in extractive answerer when no LLM is configured;
 * OpenAI (the Responses API) with OPENAI_API_KEY; any OpenAI-compatible server (Ollama, vLLM, LM
 * Studio, llama.cpp) with OPENAI_BASE_URL, over the chat-completions API they all implement.
 */
export function getChatModel(config: Config): ChatModel {
  const { provider, model: id, timeoutMs } = config.chat;
  if (provider === "offline") {
    return { model: createExtractiveModel(), id, label: "Offline extractive", provider, timeoutMs };
  }
  if (provider === "openai") {
    const openai = createOpenAI({ apiKey: config.openai.apiKey });
    return { model: openai(id), id, label: id, provider, timeoutMs };
  }
  // Local servers usually ignore the key, but the client insists on sending one.
  const compatible = createOpenAI({
    baseURL: config.openai.baseUrl,
    apiKey: config.openai.apiKey ?? "not-needed",
    name: "openai-compatible",
  });
  return { model: compatible.chat(id), id, label: id, provider, timeoutMs };
}
