import type { AdminTranslate } from "./admin-strings";
import { isSettled, type SourceRow } from "./source-row";

const BADGE: Record<SourceRow["status"], string> = {
  queued: "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300",
  processing: "bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200",
  ready: "bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200",
  failed: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
};

/** A source's status badge, and while it ingests, the stage and a progress bar. */
export function SourceStatus({
  source,
  t,
  className = "",
}: {
  source: SourceRow;
  t: AdminTranslate;
  /** Where the badge and bar sit in their cell. */
  className?: string;
}) {
  const percent = Math.round(source.progress * 100);
  return (
    <div className={`flex min-w-28 flex-col gap-1 ${className}`}>
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE[source.status]}`}>
        {t(`admin.status.${source.status}`)}
        {source.stage && !isSettled(source.status) ? ` · ${t(`admin.stage.${source.stage}`)}` : ""}
      </span>
      {isSettled(source.status) ? null : (
        <div
          role="progressbar"
          aria-label={t("admin.progress", { name: source.name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1.5 w-28 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
        >
          <div
            className="h-full rounded-full bg-blue-600 transition-[width] dark:bg-blue-400"
            style={{ width: `${percent}%` }}
          />
        </div>
      )}
    </div>
  );
}
