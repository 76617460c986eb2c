"use client";

import { buttonClass } from "@/components/admin/styles";
import { useLocale, useT } from "@/components/ui/i18n-provider";

/**
 * What the admin pages show when loading their data failed (e.g. the database is down), instead of
 * Next's bare error screen. The server's message is withheld in production; the digest finds it in the log.
 */
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  // The root layout (and its language) stays mounted when a page below it fails.
  const locale = useLocale();
  const t = useT();
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <main lang={locale} className="mx-auto flex max-w-xl flex-col items-start gap-3 px-4 py-16">
      <h1 className="text-lg font-semibold">{t("admin.failed.title")}</h1>
      <p role="alert" className="text-neutral-700 dark:text-neutral-300">
        {t("admin.failed.body")}
      </p>
      {digest ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {t("admin.failed.reference", { digest })}
        </p>
      ) : null}
      <button type="button" onClick={retry} className={buttonClass}>
        {t("admin.failed.retry")}
      </button>
    </main>
  );
}
