import type { SourceSummary } from "@/db/queries/sources";
import type { SourceStatus } from "@/db/schema";

/** A source as the admin table shows it; dates as ISO strings, as both the server and the API give them. */
export type SourceRow = Pick<
  SourceSummary,
  "id" | "name" | "format" | "sizeBytes" | "status" | "stage" | "progress" | "error" | "chunkCount"
> & { createdAt: string };

export function toSourceRow(source: SourceSummary): SourceRow {
  const { id, name, format, sizeBytes, status, stage, progress, error, chunkCount, createdAt } = source;
  return {
    id,
    name,
    format,
    sizeBytes,
    status,
    stage,
    progress,
    error,
    chunkCount,
    createdAt: createdAt.toISOString(),
  };
}

/** Queued and processing sources are still changing, so the table keeps polling while any exists. */
export const isSettled = (status: SourceStatus) => status === "ready" || status === "failed";
