import type { ChunkView } from "@/db/queries/sources";
import type { Locale } from "@/lib/i18n/locale";
import type { AdminTranslate } from "./admin-strings";
import { formatCount } from "./format";

/** One page of a source's chunks as they were stored: number, page, heading path and full text. */
export function ChunkList({ chunks, locale, t }: { chunks: ChunkView[]; locale: Locale; t: AdminTranslate }) {
  return (
    <ol className="flex flex-col gap-3">
      {chunks.map((chunk) => (
        <li
          key={chunk.id}
          className="rounded-lg border border-neutral-200 p-3 sm:p-4 dark:border-neutral-800"
        >
          <article aria-labelledby={`chunk-${chunk.id}`}>
            <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xs text-neutral-600 dark:text-neutral-400">
              <h3
                id={`chunk-${chunk.id}`}
                className="text-sm font-semibold text-neutral-900 dark:text-neutral-100"
              >
                {t("admin.chunks.number", { number: chunk.ordinal + 1 })}
              </h3>
              {chunk.page === null ? null : <span>{t("admin.chunks.page", { page: chunk.page })}</span>}
              {chunk.headingPath.length > 0 ? (
                <span className="break-words">{chunk.headingPath.join(" › ")}</span>
              ) : null}
              <span className="tabular-nums">
                {t("admin.chunks.tokens", { count: formatCount(chunk.tokenCount, locale) })}
              </span>
            </header>
            <p className="mt-2 text-sm leading-relaxed break-words whitespace-pre-wrap">{chunk.content}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
