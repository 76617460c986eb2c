import type { SourceStatus } from "@/db/schema";
import type { AdminKey } from "./admin-strings";
import type { SourceRow } from "./source-row";

export const SOURCE_SORTS = {
  newest: { label: "admin.sort.newest", key: "createdAt", direction: -1 },
  oldest: { label: "admin.sort.oldest", key: "createdAt", direction: 1 },
  nameAsc: { label: "admin.sort.nameAsc", key: "name", direction: 1 },
  nameDesc: { label: "admin.sort.nameDesc", key: "name", direction: -1 },
  sizeDesc: { label: "admin.sort.sizeDesc", key: "sizeBytes", direction: -1 },
  sizeAsc: { label: "admin.sort.sizeAsc", key: "sizeBytes", direction: 1 },
  chunksDesc: { label: "admin.sort.chunksDesc", key: "chunkCount", direction: -1 },
  chunksAsc: { label: "admin.sort.chunksAsc", key: "chunkCount", direction: 1 },
} as const satisfies Record<
  string,
  { label: AdminKey; key: "createdAt" | "name" | "sizeBytes" | "chunkCount"; direction: 1 | -1 }
>;

// Spelled out rather than imported from db/schema, which would bring drizzle into the browser bundle.
export const STATUS_FILTERS = [
  "queued",
  "processing",
  "ready",
  "failed",
] as const satisfies readonly SourceStatus[];

export type SourceSort = keyof typeof SOURCE_SORTS;

export interface SourceView {
  /** Case-insensitive part of the name; blank shows all. */
  query: string;
  status: SourceStatus | "all";
  sort: SourceSort;
}

// Names compare as people expect: "report 2" before "report 10", case ignored.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** The rows the table shows for a filter and sort; ties keep the newest first. */
export function viewSources(rows: SourceRow[], view: SourceView): SourceRow[] {
  const query = view.query.trim().toLocaleLowerCase();
  const { key, direction } = SOURCE_SORTS[view.sort];
  const compare = (a: SourceRow, b: SourceRow): number => {
    if (key === "name") return collator.compare(a.name, b.name);
    if (key === "createdAt") return Date.parse(a.createdAt) - Date.parse(b.createdAt);
    return a[key] - b[key];
  };
  return rows
    .filter(
      (row) =>
        (view.status === "all" || row.status === view.status) && row.name.toLocaleLowerCase().includes(query),
    )
    .sort((a, b) => direction * compare(a, b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
