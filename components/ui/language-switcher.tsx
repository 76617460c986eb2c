"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locale";
import { useLocale, useT } from "./i18n-provider";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Picks the UI language: remembered in a cookie the server reads, then the page renders again. */
export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();

  function choose(next: Locale) {
    // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie the server reads; no store needed.
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    router.refresh();
  }

  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {t("language.label")}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(event) => choose(event.target.value as Locale)}
        className="rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm text-neutral-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200 dark:focus-visible:outline-blue-400"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
