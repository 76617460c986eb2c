import type { Config } from "../config";
import type { TextEmbedder } from "./embedder";
import { createLocalEmbedder } from "./local-embedder";
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
