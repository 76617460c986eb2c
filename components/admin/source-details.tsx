import { formatBytes } from "@/components/ui/format-bytes";
import type { SourceSummary } from "@/db/queries/sources";
import type { Locale } from "@/lib/i18n/locale";
import type { AdminTranslate } from "./admin-strings";
import { formatCount } from "./format";
import { LocalTime } from "./local-time";
import { toSourceRow } from "./source-row";
import { SourceStatus } from "./source-status";
import { buttonClass } from "./styles";

/** A source's facts on its own page, with the download of the original file. */
export function SourceDetails({
  source,
  locale,
  t,
}: {
  source: SourceSummary;
  locale: Locale;
  t: AdminTranslate;
}) {
  const facts = [
    [t("admin.column.type"), t(`admin.format.${source.format}`)],
    [t("admin.column.size"), formatBytes(source.sizeBytes, locale)],
    [t("admin.column.chunks"), formatCount(source.chunkCount, locale)],
    [
      t("admin.column.status"),
      <SourceStatus key="status" source={toSourceRow(source)} t={t} className="items-start" />,
    ],
    [t("admin.source.embeddingModel"), source.embeddingModel ?? "—"],
    [
      t("admin.column.uploaded"),
      <LocalTime key="uploaded" iso={source.createdAt.toISOString()} locale={locale} />,
    ],
  ] as const;
  return (
    <section aria-label={t("admin.source.details")} className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs font-medium text-neutral-600 dark:text-neutral-400">{label}</dt>
            <dd className="mt-1 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {source.error ? <p className="text-sm text-red-700 dark:text-red-400">{source.error}</p> : null}
      <p>
        <a href={`/api/sources/${source.id}/file`} download className={buttonClass}>
          {t("admin.source.downloadOriginal")}
        </a>
      </p>
    </section>
  );
}
