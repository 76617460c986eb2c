"use client";

import { useCallback, useEffect, useState } from "react";
import { callJson } from "@/components/ui/read-api-error";
import type { SourceTotals } from "@/db/queries/source-totals";
import type { AdminTranslate } from "./admin-strings";
import { isSettled, type SourceRow } from "./source-row";

// Ingest stages change within seconds; a second keeps the progress bar lively without flooding the server.
const POLL_MS = 1_000;

export type Notice = { kind: "info" | "error"; text: string } | null;

/**
 * The sources and totals the admin page shows, kept fresh while any source is still ingesting, and the
 * row actions. A failed request leaves the last good data in place and says why in `notice`.
 */
export function useSourceList({
  initialSources,
  initialTotals,
  t,
}: {
  initialSources: SourceRow[];
  initialTotals: SourceTotals;
  t: AdminTranslate;
}) {
  const [sources, setSources] = useState(initialSources);
  const [totals, setTotals] = useState(initialTotals);
  const [notice, setNotice] = useState<Notice>(null);
  const unreachable = t("admin.error.unreachable");

  const refresh = useCallback(async () => {
    try {
      const [list, stats] = await Promise.all([
        callJson<{ sources: SourceRow[] }>("/api/sources", {}, unreachable),
        callJson<{ totals: SourceTotals }>("/api/stats", {}, unreachable),
      ]);
      if (list) setSources(list.sources);
      if (stats) setTotals(stats.totals);
      setNotice((current) => (current?.kind === "error" ? null : current));
    } catch (error) {
      setNotice({ kind: "error", text: t("admin.error.refresh", { message: (error as Error).message }) });
    }
  }, [t, unreachable]);

  const ingesting = sources.some((source) => !isSettled(source.status));
  useEffect(() => {
    if (!ingesting) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await refresh();
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ingesting, refresh]);

  /** Deletes a source; throws the server's message so the confirmation dialog can show it. */
  async function deleteSource(source: SourceRow): Promise<void> {
    await callJson(`/api/sources/${source.id}`, { method: "DELETE" }, unreachable);
    setSources((current) => current.filter((row) => row.id !== source.id));
    setNotice({ kind: "info", text: t("admin.notice.deleted", { name: source.name }) });
    await refresh();
  }

  async function reindexSource(source: SourceRow): Promise<void> {
    try {
      const answer = await callJson<{ source: Pick<SourceRow, "id" | "status"> }>(
        `/api/sources/${source.id}/reindex`,
        { method: "POST" },
        unreachable,
      );
      const status = answer?.source.status ?? "queued";
      setSources((current) =>
        current.map((row) =>
          row.id === source.id ? { ...row, status, stage: null, progress: 0, error: null } : row,
        ),
      );
      setNotice({ kind: "info", text: t("admin.notice.reindexing", { name: source.name }) });
    } catch (error) {
      setNotice({ kind: "error", text: (error as Error).message });
    }
  }

  return { sources, totals, notice, deleteSource, reindexSource };
}
