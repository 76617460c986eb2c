import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../database";
import { type IngestStage, sourceFiles, sources } from "../schema";

/**
 * The ingest queue is the sources table itself: a source waiting to be ingested is a job. A worker
 * claims one with FOR UPDATE SKIP LOCKED (so several workers on one Postgres never take the same
 * source) and holds a lease it renews while working; a worker that dies stops renewing, and once the
 * lease expires the next worker takes the job over. Every step checks the lease token, so a worker
 * that lost its lease cannot overwrite the work of the one that took over.
 *
 * Why not pg-boss: it keeps its own job rows, whose state would have to be kept in step with
 * sources.status/stage/progress/error (two state machines for one job), and it needs a connection
 * pool and multi-statement SQL that PGlite's single embedded connection does not offer; the zero-config
 * mode would then need a second queue. One table gives the same guarantees on both databases and
 * makes "upload + job" one insert.
 */

export interface ClaimedJob {
  sourceId: string;
  leaseToken: string;
  attempt: number;
}

export async function claimNextIngestJob({
  db,
  leaseMs,
  maxAttempts,
}: {
  db: Database;
  leaseMs: number;
  maxAttempts: number;
}): Promise<ClaimedJob | undefined> {
  // A job whose worker died on its last attempt would otherwise be picked up forever.
  await db
    .update(sources)
    .set({
      status: "failed",
      stage: null,
      leaseToken: null,
      leaseExpiresAt: null,
      error: sql`coalesce(${sources.error}, 'Ingestion stopped before finishing (the worker was interrupted) too many times.')`,
    })
    .where(
      and(
        eq(sources.status, "processing"),
        sql`${sources.leaseExpiresAt} < now()`,
        sql`${sources.attempts} >= ${maxAttempts}`,
      ),
    );

  const result = await db.execute<{ id: string; lease_token: string; attempts: number }>(sql`
    update sources
    set status = 'processing',
        attempts = attempts + 1,
        lease_token = gen_random_uuid(),
        lease_expires_at = now() + ${leaseMs} * interval '1 millisecond',
        updated_at = now()
    where id = (
      select id from sources
      where (status = 'queued' and run_after <= now())
         or (status = 'processing' and lease_expires_at < now() and attempts < ${maxAttempts})
      order by run_after, created_at
      limit 1
      for update skip locked
    )
    returning id, lease_token, attempts`);
  const row = result.rows[0];
  return row && { sourceId: row.id, leaseToken: row.lease_token, attempt: row.attempts };
}

/** Milliseconds until the next queued job may run (0 if one may run now), or undefined when none is queued. */
export async function millisecondsUntilNextIngestJob({ db }: { db: Database }): Promise<number | undefined> {
  const result = await db.execute<{ wait_ms: number }>(sql`
    select greatest(0, extract(epoch from (min(run_after) - clock_timestamp())) * 1000)::float8 as wait_ms
    from sources where status = 'queued'
    having count(*) > 0`);
  const row = result.rows[0];
  return row ? Number(row.wait_ms) : undefined;
}

/** Thrown when a worker's lease was taken over: it must stop without writing anything more. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

const leased = (job: ClaimedJob) => and(eq(sources.id, job.sourceId), eq(sources.leaseToken, job.leaseToken));

/** Records progress and renews the lease; throws LeaseLostError when the job is no longer ours. */
export async function reportIngestProgress({
  db,
  job,
  stage,
  progress,
  leaseMs,
}: {
  db: Database;
  job: ClaimedJob;
  stage?: IngestStage;
  progress?: number;
  leaseMs: number;
}): Promise<void> {
  const updated = await db
    .update(sources)
    .set({
      ...(stage && { stage }),
      ...(progress !== undefined && { progress: Math.min(1, Math.max(0, progress)) }),
      leaseExpiresAt: sql`now() + ${leaseMs} * interval '1 millisecond'`,
    })
    .where(leased(job))
    .returning({ id: sources.id });
  if (updated.length === 0) throw new LeaseLostError(`Lost the lease on source ${job.sourceId}`);
}

/**
 * Ends an attempt that went wrong: queued again after `retryInMs`, or failed for good when that is
 * null. The reason is kept either way, so a person sees why it is retrying.
 */
export async function failIngestAttempt({
  db,
  job,
  reason,
  retryInMs,
}: {
  db: Database;
  job: ClaimedJob;
  reason: string;
  retryInMs: number | null;
}): Promise<void> {
  await db
    .update(sources)
    .set({
      status: retryInMs === null ? "failed" : "queued",
      ...(retryInMs === null && { stage: null }),
      error: reason,
      runAfter: sql`now() + ${retryInMs ?? 0} * interval '1 millisecond'`,
      leaseToken: null,
      leaseExpiresAt: null,
    })
    .where(leased(job));
}

/** Gives a job back untouched (the worker is shutting down): the attempt does not count. */
export async function releaseIngestJob({ db, job }: { db: Database; job: ClaimedJob }): Promise<void> {
  await db
    .update(sources)
    .set({
      status: "queued",
      attempts: sql`greatest(${sources.attempts} - 1, 0)`,
      runAfter: sql`now()`,
      leaseToken: null,
      leaseExpiresAt: null,
    })
    .where(leased(job));
}

/** Reads what the job works on: the stored bytes and how to parse them. */
export async function loadIngestJobInput({ db, job }: { db: Database; job: ClaimedJob }) {
  const [input] = await db
    .select({ name: sources.name, format: sources.format, bytes: sourceFiles.bytes })
    .from(sources)
    .innerJoin(sourceFiles, eq(sourceFiles.sourceId, sources.id))
    .where(leased(job));
  if (!input) throw new LeaseLostError(`Source ${job.sourceId} is gone or no longer leased`);
  return input;
}
