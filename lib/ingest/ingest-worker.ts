import type { Database } from "@/db/database";
import {
  type ClaimedJob,
  claimNextIngestJob,
  failIngestAttempt,
  LeaseLostError,
  millisecondsUntilNextIngestJob,
  releaseIngestJob,
} from "@/db/queries/ingest-jobs";
import type { TextEmbedder } from "@/lib/ai/embedder";
import { ParseError } from "./blocks";
import { JobLease } from "./job-lease";
import { ingestSource } from "./pipeline";

export interface IngestWorkerOptions {
  db: Database;
  embedder: TextEmbedder;
  /** How long a claimed job stays ours without a renewal; a dead worker's job is retaken after this. */
  leaseMs?: number;
  /** Attempts per source before it is marked failed. */
  maxAttempts?: number;
  /** Delay before the first retry; each later retry waits 4× longer, up to a minute. */
  retryBaseMs?: number;
  /** How often an idle worker looks for new jobs (an in-process upload wakes it at once). */
  pollMs?: number;
  log?: (level: "info" | "warn" | "error", message: string, details: Record<string, unknown>) => void;
}

const DEFAULTS = { leaseMs: 30_000, maxAttempts: 3, retryBaseMs: 2_000, pollMs: 2_000 };

export type JobOutcome = "ready" | "retrying" | "failed" | "released" | "lost";

/** Processes one job if there is one; answers what happened to it, or undefined when the queue is empty. */
export async function processNextIngestJob(
  options: IngestWorkerOptions,
  signal?: AbortSignal,
): Promise<{ sourceId: string; outcome: JobOutcome } | undefined> {
  const settings = { ...DEFAULTS, ...stripUndefined(options) };
  const { db, embedder } = options;
  const job = await claimNextIngestJob({ db, leaseMs: settings.leaseMs, maxAttempts: settings.maxAttempts });
  if (!job) return undefined;

  const lease = new JobLease(db, job, settings.leaseMs, signal);
  const started = Date.now();
  try {
    const { chunkCount } = await ingestSource({ db, lease, embedder });
    options.log?.("info", "Source ingested", {
      sourceId: job.sourceId,
      chunkCount,
      ms: Date.now() - started,
    });
    return { sourceId: job.sourceId, outcome: "ready" };
  } catch (error) {
    return {
      sourceId: job.sourceId,
      outcome: await settleFailedAttempt(options, settings, job, error, signal),
    };
  } finally {
    lease.end();
  }
}

async function settleFailedAttempt(
  options: IngestWorkerOptions,
  settings: typeof DEFAULTS,
  job: ClaimedJob,
  error: unknown,
  signal: AbortSignal | undefined,
): Promise<JobOutcome> {
  const { db } = options;
  if (error instanceof LeaseLostError || (error as Error)?.cause instanceof LeaseLostError) {
    options.log?.("warn", "Another worker took over the job", { sourceId: job.sourceId });
    return "lost";
  }
  if (signal?.aborted) {
    await releaseIngestJob({ db, job });
    return "released";
  }
  // A file that cannot be parsed fails the same way every time: no point retrying it.
  if (error instanceof ParseError) {
    await failIngestAttempt({ db, job, reason: error.message, retryInMs: null });
    return "failed";
  }
  const message = error instanceof Error ? error.message : String(error);
  options.log?.("error", "Ingestion attempt failed", {
    sourceId: job.sourceId,
    attempt: job.attempt,
    error: message,
  });
  if (job.attempt >= settings.maxAttempts) {
    await failIngestAttempt({
      db,
      job,
      reason: `Ingestion failed after ${job.attempt} attempts: ${message}`,
      retryInMs: null,
    });
    return "failed";
  }
  const retryInMs = Math.min(60_000, settings.retryBaseMs * 4 ** (job.attempt - 1));
  await failIngestAttempt({
    db,
    job,
    reason: `Attempt ${job.attempt} failed, retrying: ${message}`,
    retryInMs,
  });
  return "retrying";
}

/**
 * Processes jobs until none is queued, waiting out the backoff of jobs due for a retry (scripts,
 * tests and the benchmark use this; jobs other workers hold are theirs to finish).
 */
export async function drainIngestQueue(options: IngestWorkerOptions, signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    if (await processNextIngestJob(options, signal)) continue;
    const waitMs = await millisecondsUntilNextIngestJob({ db: options.db });
    if (waitMs === undefined) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(waitMs, 10)));
  }
}

export interface IngestWorker {
  /** Looks for work now instead of at the next poll (called after an upload in the same process). */
  wake(): void;
  /** Stops taking jobs; a job in progress is given back to the queue. Resolves when the loop has ended. */
  stop(): Promise<void>;
}

/** Runs the ingest loop in this process until stopped. */
export function startIngestWorker(options: IngestWorkerOptions): IngestWorker {
  const pollMs = options.pollMs ?? DEFAULTS.pollMs;
  const stopping = new AbortController();
  let wakeUp: (() => void) | undefined;

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        if (await processNextIngestJob(options, stopping.signal)) continue;
      } catch (error) {
        // The database went away (restart, network): log and try again after the poll interval.
        options.log?.("error", "Ingest worker could not reach the database", {
          error: (error as Error).message,
        });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
        stopping.signal.addEventListener("abort", wakeUp, { once: true });
      });
      wakeUp = undefined;
    }
  })();

  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      stopping.abort(new Error("The ingest worker is stopping"));
      await loop;
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
