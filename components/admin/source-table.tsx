import Link from "next/link";
import { formatBytes } from "@/components/ui/format-bytes";
import type { Locale } from "@/lib/i18n/locale";
import type { AdminKey, AdminTranslate } from "./admin-strings";
import { formatCount } from "./format";
import { LocalTime } from "./local-time";
import { isSettled, type SourceRow } from "./source-row";
import { SourceStatus } from "./source-status";
import { SOURCE_SORTS, type SourceSort } from "./source-view";
import { buttonClass, dangerOutlineButtonClass, linkClass } from "./styles";

const COLUMNS = [
  { label: "admin.column.name", sortKey: "name" },
  { label: "admin.column.type" },
  { label: "admin.column.size", sortKey: "sizeBytes", numeric: true },
  { label: "admin.column.chunks", sortKey: "chunkCount", numeric: true },
  { label: "admin.column.status" },
  { label: "admin.column.error" },
  { label: "admin.column.uploaded", sortKey: "createdAt" },
  { label: "admin.column.actions" },
] as const satisfies { label: AdminKey; sortKey?: string; numeric?: boolean }[];

// Below lg the table turns into one card per source: rows and cells become blocks, and each cell
// shows its column's name from data-label, since the header row is hidden there.
const cellClass =
  "flex items-start justify-between gap-4 py-1 before:shrink-0 before:font-medium before:text-neutral-500 before:content-[attr(data-label)] lg:table-cell lg:px-2.5 lg:py-2.5 lg:align-top lg:before:content-none dark:before:text-neutral-400";

export function SourceTable({
  rows,
  sort,
  locale,
  t,
  onReindex,
  onDelete,
}: {
  rows: SourceRow[];
  sort: SourceSort;
  locale: Locale;
  t: AdminTranslate;
  onReindex: (source: SourceRow) => void;
  onDelete: (source: SourceRow) => void;
}) {
  const { key, direction } = SOURCE_SORTS[sort];
  return (
    // Between lg and a wide screen, a long error or name can still make the table wider than the page:
    // then it scrolls sideways on its own rather than the whole page.
    <div className="lg:overflow-x-auto">
      <table className="block w-full text-sm lg:table">
        <caption className="sr-only">{t("admin.sources.caption")}</caption>
        <thead className="hidden border-b border-neutral-200 text-left text-xs tracking-wide text-neutral-500 uppercase lg:table-header-group dark:border-neutral-800 dark:text-neutral-400">
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.label}
                scope="col"
                aria-sort={
                  "sortKey" in column && column.sortKey === key
                    ? direction === 1
                      ? "ascending"
                      : "descending"
                    : undefined
                }
                className={`px-3 py-2 font-medium ${"numeric" in column ? "text-right" : ""}`}
              >
                {t(column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block space-y-3 lg:table-row-group lg:space-y-0">
          {rows.map((source) => (
            <tr
              key={source.id}
              className="block rounded-lg border border-neutral-200 p-3 lg:table-row lg:rounded-none lg:border-0 lg:border-b lg:p-0 dark:border-neutral-800"
            >
              <th
                scope="row"
                className="block pb-2 text-left font-medium lg:table-cell lg:min-w-32 lg:px-2.5 lg:py-2.5 lg:align-top"
              >
                <Link href={`/admin/sources/${source.id}`} className={`wrap-break-word ${linkClass}`}>
                  {source.name}
                </Link>
              </th>
              <td data-label={t("admin.column.type")} className={cellClass}>
                {t(`admin.format.${source.format}`)}
              </td>
              <td
                data-label={t("admin.column.size")}
                className={`${cellClass} whitespace-nowrap tabular-nums lg:text-right`}
              >
                {formatBytes(source.sizeBytes, locale)}
              </td>
              <td
                data-label={t("admin.column.chunks")}
                className={`${cellClass} whitespace-nowrap tabular-nums lg:text-right`}
              >
                {formatCount(source.chunkCount, locale)}
              </td>
              <td data-label={t("admin.column.status")} className={cellClass}>
                <SourceStatus source={source} t={t} className="items-end lg:items-start" />
              </td>
              <td
                data-label={t("admin.column.error")}
                className={
                  source.error
                    ? `${cellClass} text-red-700 lg:min-w-48 lg:max-w-64 dark:text-red-400`
                    : "hidden lg:table-cell"
                }
              >
                <span className="text-right lg:text-left">{source.error}</span>
              </td>
              <td data-label={t("admin.column.uploaded")} className={`${cellClass} lg:min-w-28`}>
                <LocalTime iso={source.createdAt} locale={locale} />
              </td>
              <td className="flex flex-wrap gap-2 pt-3 lg:table-cell lg:px-2.5 lg:py-2.5 lg:align-top">
                <div className="flex flex-wrap gap-2">
                  <a
                    href={`/api/sources/${source.id}/file`}
                    download
                    aria-label={t("admin.action.downloadNamed", { name: source.name })}
                    className={buttonClass}
                  >
                    {t("admin.action.download")}
                  </a>
                  <button
                    type="button"
                    onClick={() => onReindex(source)}
                    disabled={!isSettled(source.status)}
                    aria-label={t("admin.action.reindexNamed", { name: source.name })}
                    className={buttonClass}
                  >
                    {t("admin.action.reindex")}
                  </button>
                  <button
                    type="button"
                    onClick={() => onDelete(source)}
                    aria-label={t("admin.action.deleteNamed", { name: source.name })}
                    className={dangerOutlineButtonClass}
                  >
                    {t("admin.action.delete")}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
