/** Turns texts into vectors: the local model or a remote one, chosen in lib/ai/providers.ts. */
export interface TextEmbedder {
  /** The model id recorded with every embedding, e.g. "local/universal-sentence-encoder-lite". */
  readonly model: string;
  readonly dimensions: number;
  /** One vector per text, in order. onProgress receives the count of texts embedded so far. */
  embed(
    texts: string[],
    options?: { onProgress?: (done: number) => void; signal?: AbortSignal },
  ): Promise<number[][]>;
  /** Frees threads or sockets; the embedder is unusable afterwards. */
  close(): Promise<void>;
}
