import type { IngestStage, SourceStatus } from "@/db/schema";

export interface SourceProgress {
  status: SourceStatus;
  stage: IngestStage | null;
  progress: number;
  error: string | null;
}

export type ReadResult =
  | { kind: "source"; source: SourceProgress }
  /** Worth asking again: offline, rate-limited, the database briefly unreachable, or aborted. */
  | { kind: "transient" }
  /** Asking again will not help, e.g. someone deleted the source meanwhile. */
  | { kind: "gone"; message: string | null };

const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** One look at GET /api/sources/:id, the ingest status the upload list polls. */
export async function readSource(id: string, signal: AbortSignal): Promise<ReadResult> {
  let status: number;
  let body: { source?: SourceProgress; error?: { message?: unknown } } | null;
  try {
    const response = await fetch(`/api/sources/${encodeURIComponent(id)}`, { cache: "no-store", signal });
    status = response.status;
    body = await response.json();
  } catch {
    // Offline, aborted, or a body that is not JSON (a proxy's error page): look again later.
    return { kind: "transient" };
  }
  if (status === 200 && body?.source) return { kind: "source", source: body.source };
  if (TRANSIENT_STATUSES.has(status)) return { kind: "transient" };
  const message = body?.error?.message;
  return { kind: "gone", message: typeof message === "string" && message ? message : null };
}
