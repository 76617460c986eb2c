"use client";

import { useMemo, useRef, useState } from "react";
import type { SourceTotals as Totals } from "@/db/queries/source-totals";
import type { Locale } from "@/lib/i18n/locale";
import { type AdminStrings, adminTranslator } from "./admin-strings";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import type { SourceRow } from "./source-row";
import { SourceTable } from "./source-table";
import { SourceToolbar } from "./source-toolbar";
import { SourceTotals } from "./source-totals";
import { type SourceView, viewSources } from "./source-view";
import { useSourceList } from "./use-source-list";

/** The admin's live part: totals, the filterable, sortable sources table and its row actions. */
export function SourcesPanel({
  initialSources,
  initialTotals,
  locale,
  strings,
}: {
  initialSources: SourceRow[];
  initialTotals: Totals;
  locale: Locale;
  strings: AdminStrings;
}) {
  const t = useMemo(() => adminTranslator(strings), [strings]);
  const { sources, totals, notice, deleteSource, reindexSource } = useSourceList({
    initialSources,
    initialTotals,
    t,
  });
  const [view, setView] = useState<SourceView>({ query: "", status: "all", sort: "newest" });
  const [deleting, setDeleting] = useState<SourceRow | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = viewSources(sources, view);

  return (
    <div className="flex flex-col gap-6">
      <SourceTotals totals={totals} locale={locale} t={t} />

      <section aria-labelledby="sources-heading" className="flex flex-col gap-4">
        <h2
          id="sources-heading"
          ref={heading}
          tabIndex={-1}
          className="text-lg font-semibold focus:outline-none"
        >
          {t("admin.sources.heading")}
        </h2>
        <SourceToolbar view={view} t={t} onChange={setView} />
        <div className="flex min-h-5 flex-wrap items-center justify-between gap-2 text-sm">
          <p role="status" className="text-neutral-600 dark:text-neutral-400">
            {t("admin.sources.shown", { shown: rows.length, total: sources.length })}
          </p>
          <p role="status" className="text-green-800 dark:text-green-300">
            {notice?.kind === "info" ? notice.text : null}
          </p>
          <p role="alert" className="text-red-700 dark:text-red-400">
            {notice?.kind === "error" ? notice.text : null}
          </p>
        </div>
        {rows.length > 0 ? (
          <SourceTable
            rows={rows}
            sort={view.sort}
            locale={locale}
            t={t}
            onReindex={reindexSource}
            onDelete={setDeleting}
          />
        ) : (
          <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-center text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
            {sources.length === 0 ? t("admin.sources.empty") : t("admin.sources.noMatch")}
          </p>
        )}
      </section>

      <ConfirmDeleteDialog
        source={deleting}
        t={t}
        onConfirm={deleteSource}
        onDeleted={() => heading.current?.focus()}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
