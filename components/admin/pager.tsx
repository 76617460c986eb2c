import Link from "next/link";
import type { AdminTranslate } from "./admin-strings";
import { buttonClass } from "./styles";

/** Previous / next links between numbered pages; `href` builds a page's address. */
export function Pager({
  page,
  pages,
  href,
  t,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  t: AdminTranslate;
}) {
  if (pages <= 1) return null;
  const disabled = `${buttonClass} pointer-events-none opacity-50`;
  return (
    <nav aria-label={t("admin.pager.label")} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClass}>
          {t("admin.pager.previous")}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t("admin.pager.previous")}
        </span>
      )}
      <span aria-current="page" className="text-neutral-600 dark:text-neutral-400">
        {t("admin.pager.position", { page, pages })}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={buttonClass}>
          {t("admin.pager.next")}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t("admin.pager.next")}
        </span>
      )}
    </nav>
  );
}
