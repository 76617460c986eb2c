import { describe, expect, it } from "vitest";
import type { SourceRow } from "@/components/admin/source-row";
import { viewSources } from "@/components/admin/source-view";

const row = (
  name: string,
  sizeBytes: number,
  chunkCount: number,
  createdAt: string,
  status: SourceRow["status"] = "ready",
): SourceRow => ({
  id: name,
  name,
  format: "text",
  sizeBytes,
  status,
  stage: null,
  progress: status === "ready" ? 1 : 0,
  error: null,
  chunkCount,
  createdAt,
});

const rows = [
  row("Report 10.pdf", 5_000, 12, "2026-01-03T00:00:00Z"),
  row("report 2.pdf", 9_000, 3, "2026-01-01T00:00:00Z"),
  row("notes.md", 100, 1, "2026-01-02T00:00:00Z", "failed"),
];
const names = (view: Parameters<typeof viewSources>[1]) =>
  viewSources(rows, view).map((source) => source.name);

describe("the admin sources table's filter and sort", () => {
  it("sorts names naturally and without regard to case", () => {
    expect(names({ query: "", status: "all", sort: "nameAsc" })).toEqual([
      "notes.md",
      "report 2.pdf",
      "Report 10.pdf",
    ]);
    expect(names({ query: "", status: "all", sort: "nameDesc" })).toEqual([
      "Report 10.pdf",
      "report 2.pdf",
      "notes.md",
    ]);
  });

  it("sorts by size, chunks and upload date", () => {
    expect(names({ query: "", status: "all", sort: "sizeDesc" })).toEqual([
      "report 2.pdf",
      "Report 10.pdf",
      "notes.md",
    ]);
    expect(names({ query: "", status: "all", sort: "chunksAsc" })).toEqual([
      "notes.md",
      "report 2.pdf",
      "Report 10.pdf",
    ]);
    expect(names({ query: "", status: "all", sort: "newest" })).toEqual([
      "Report 10.pdf",
      "notes.md",
      "report 2.pdf",
    ]);
    expect(names({ query: "", status: "all", sort: "oldest" })).toEqual([
      "report 2.pdf",
      "notes.md",
      "Report 10.pdf",
    ]);
  });

  it("filters by part of the name and by status, together", () => {
    expect(names({ query: "  REPORT ", status: "all", sort: "nameAsc" })).toEqual([
      "report 2.pdf",
      "Report 10.pdf",
    ]);
    expect(names({ query: "", status: "failed", sort: "newest" })).toEqual(["notes.md"]);
    expect(names({ query: "report", status: "failed", sort: "newest" })).toEqual([]);
  });

  it("leaves the rows it was given untouched", () => {
    viewSources(rows, { query: "", status: "all", sort: "sizeAsc" });
    expect(rows.map((source) => source.name)).toEqual(["Report 10.pdf", "report 2.pdf", "notes.md"]);
  });
});
