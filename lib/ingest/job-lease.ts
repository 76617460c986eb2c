import type { Database } from "@/db/database";
import { type ClaimedJob, LeaseLostError, reportIngestProgress } from "@/db/queries/ingest-jobs";
import type { IngestStage } from "@/db/schema";

// Progress writes are throttled: embedding reports after every batch, a person needs ~2 updates a second.
const MIN_PROGRESS_INTERVAL_MS = 500;

/**
 * A worker's hold on one job: renews the lease on a timer (so a long parse does not lose it), writes
 * stage and progress, and aborts `signal` as soon as the lease is found lost, so the work stops early.
 */
export class JobLease {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly heartbeat: NodeJS.Timeout;
  private lastWrite = 0;
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly db: Database,
    readonly job: ClaimedJob,
    private readonly leaseMs: number,
    outerSignal?: AbortSignal,
  ) {
    this.signal = outerSignal
      ? AbortSignal.any([outerSignal, this.controller.signal])
      : this.controller.signal;
    this.heartbeat = setInterval(() => this.enqueue({}), Math.max(100, Math.floor(leaseMs / 3)));
    this.heartbeat.unref();
  }

  /** Enters a stage; waits for the write so the stage is visible before the work starts. */
  async stage(stage: IngestStage, progress: number): Promise<void> {
    this.enqueue({ stage, progress });
    await this.flush();
  }

  /** Records progress without waiting; throttled, and any failure surfaces at the next flush. */
  progress(progress: number): void {
    const now = Date.now();
    if (now - this.lastWrite < MIN_PROGRESS_INTERVAL_MS) return;
    this.enqueue({ progress });
  }

  /** Waits for pending writes; rethrows LeaseLostError (or a database error) they met. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure;
    this.signal.throwIfAborted();
  }

  end(): void {
    clearInterval(this.heartbeat);
  }

  private enqueue(update: { stage?: IngestStage; progress?: number }): void {
    this.lastWrite = Date.now();
    this.pending = this.pending.then(async () => {
      if (this.failure) return;
      try {
        await reportIngestProgress({ db: this.db, job: this.job, leaseMs: this.leaseMs, ...update });
      } catch (error) {
        this.failure = error;
        if (error instanceof LeaseLostError) this.controller.abort(error);
      }
    });
  }
}
