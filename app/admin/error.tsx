"use client";

import { useSyncExternalStore } from "react";
import { adminTranslator } from "@/components/admin/admin-strings";
import { buttonClass } from "@/components/admin/styles";
import { admin } from "@/lib/i18n/admin";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/locale";

const subscribeToNothing = () => () => {};

/** The browser's view of the locale the server would pick: the language cookie, else the browser's. */
function browserLocale() {
  const cookie = document.cookie
    .split("; ")
    .find((entry) => entry.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return pickLocale(cookie, navigator.languages.join(","));
}

/**
 * What the admin pages show when loading their data failed (e.g. the database is down), instead of
 * Next's bare error screen. The server's message is withheld in production; the digest finds it in the log.
 */
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(subscribeToNothing, browserLocale, () => "en" as const);
  const t = adminTranslator(admin[locale]);
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
