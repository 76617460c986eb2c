import { formatBytes } from "@/components/ui/format-bytes";
import type { SourceTotals as Totals } from "@/db/queries/source-totals";
import type { Locale } from "@/lib/i18n/locale";
import type { AdminTranslate } from "./admin-strings";
import { formatCount } from "./format";

/** The library at a glance: how many sources and chunks, and how much the original files take. */
export function SourceTotals({ totals, locale, t }: { totals: Totals; locale: Locale; t: AdminTranslate }) {
  const items = [
    { label: t("admin.totals.sources"), value: formatCount(totals.sources, locale) },
    { label: t("admin.totals.chunks"), value: formatCount(totals.chunks, locale) },
    { label: t("admin.totals.storage"), value: formatBytes(totals.fileBytes, locale) },
  ];
  return (
    <section aria-label={t("admin.totals.label")}>
      <dl className="grid grid-cols-3 gap-3">
        {items.map((item) => (
          <div
            key={item.label}
            className="rounded-lg border border-neutral-200 bg-neutral-50 px-3 py-2.5 sm:px-4 dark:border-neutral-800 dark:bg-neutral-900"
          >
            <dt className="text-xs font-medium text-neutral-600 dark:text-neutral-400">{item.label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums sm:text-2xl">{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
