import Link from "next/link";
import type { TraceView } from "@/db/queries/traces";
import type { Locale } from "@/lib/i18n/locale";
import type { AdminTranslate } from "./admin-strings";
import { formatDuration, formatScore } from "./format";
import { LocalTime } from "./local-time";
import { focusRing, linkClass } from "./styles";

/** The recent answered questions; each opens (a native <details>, no script) onto what it retrieved. */
export function TraceList({ traces, locale, t }: { traces: TraceView[]; locale: Locale; t: AdminTranslate }) {
  if (traces.length === 0) {
    return <p className="text-sm text-neutral-600 dark:text-neutral-400">{t("admin.traces.empty")}</p>;
  }
  return (
    <ul className="flex flex-col gap-3">
      {traces.map((trace) => (
        <li key={trace.id}>
          <TraceItem trace={trace} locale={locale} t={t} />
        </li>
      ))}
    </ul>
  );
}

function TraceItem({ trace, locale, t }: { trace: TraceView; locale: Locale; t: AdminTranslate }) {
  const sourceNames = [
    ...new Set(trace.retrieved.flatMap((hit) => (hit.chunk ? [hit.chunk.sourceName] : []))),
  ];
  const facts = [
    [t("admin.traces.model"), trace.model],
    [t("admin.traces.sourcesUsed"), sourceNames.join(", ") || t("admin.traces.noSources")],
    [t("admin.traces.latency"), trace.totalMs === null ? "—" : formatDuration(trace.totalMs, locale)],
    [t("admin.traces.cache"), trace.cacheHit ? t("admin.traces.cacheHit") : t("admin.traces.cacheMiss")],
  ] as const;
  return (
    <details className="group rounded-lg border border-neutral-200 dark:border-neutral-800">
      <summary
        className={`flex cursor-pointer list-none gap-3 [&::-webkit-details-marker]:hidden rounded-lg p-3 hover:bg-neutral-50 dark:hover:bg-neutral-900 ${focusRing}`}
      >
        <span
          aria-hidden="true"
          className="mt-1 shrink-0 self-start leading-none text-neutral-500 transition-transform group-open:rotate-90"
        >
          ▸
        </span>
        <span className="flex min-w-0 flex-col gap-1">
          <span className="font-medium break-words">{trace.query}</span>
          <span className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-neutral-600 dark:text-neutral-400">
            {facts.map(([label, value]) => (
              <span key={label} className="wrap-break-word">
                {label}: <span className="text-neutral-900 dark:text-neutral-200">{value}</span>
              </span>
            ))}
            <span>
              {t("admin.traces.asked")}:{" "}
              <span className="text-neutral-900 dark:text-neutral-200">
                <LocalTime iso={trace.createdAt.toISOString()} locale={locale} />
              </span>
            </span>
          </span>
        </span>
      </summary>
      <div className="flex flex-col gap-3 border-t border-neutral-200 p-3 text-sm dark:border-neutral-800">
        {trace.rewrittenQuery && trace.rewrittenQuery !== trace.query ? (
          <p>
            <span className="text-neutral-600 dark:text-neutral-400">{t("admin.traces.rewritten")}: </span>
            {trace.rewrittenQuery}
          </p>
        ) : null}
        {trace.error ? (
          <p className="text-red-700 dark:text-red-400">
            {t("admin.traces.error")}: {trace.error}
          </p>
        ) : null}
        <h3 className="font-medium">{t("admin.traces.retrieved")}</h3>
        {trace.retrieved.length === 0 ? (
          <p className="text-neutral-600 dark:text-neutral-400">{t("admin.traces.noneRetrieved")}</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {trace.retrieved.map((hit, index) => (
              <li key={hit.chunkId} className="rounded-md bg-neutral-50 p-2.5 dark:bg-neutral-900">
                <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-neutral-600 dark:text-neutral-400">
                  <span className="font-medium text-neutral-900 dark:text-neutral-100">{index + 1}.</span>
                  {hit.chunk ? (
                    <Link
                      href={`/admin/sources/${hit.chunk.sourceId}`}
                      className={`wrap-break-word ${linkClass}`}
                    >
                      {hit.chunk.sourceName}
                    </Link>
                  ) : null}
                  {hit.chunk?.page ? <span>{t("admin.chunks.page", { page: hit.chunk.page })}</span> : null}
                  <span className="tabular-nums">
                    {t("admin.traces.score", { score: formatScore(hit.score, locale) })}
                  </span>
                </p>
                <p className="mt-1 break-words text-neutral-800 dark:text-neutral-200">
                  {hit.chunk ? hit.chunk.preview : t("admin.traces.chunkGone")}
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
