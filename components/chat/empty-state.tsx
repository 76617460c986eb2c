"use client";

import { useT } from "@/components/ui/i18n-provider";

/** What a new conversation shows: what to do first, and what a good question looks like. */
export function EmptyState() {
  const t = useT();
  return (
    <div className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center px-4 py-10 text-center">
      <h2 className="text-xl font-semibold">{t("chat.empty.title")}</h2>
      <p className="mt-3 text-base font-medium text-neutral-800 dark:text-neutral-200">
        {t("chat.empty.body")}
      </p>
      <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">{t("chat.empty.detail")}</p>
      <p className="mt-4 text-sm text-neutral-600 italic dark:text-neutral-400">{t("chat.empty.example")}</p>
    </div>
  );
}
