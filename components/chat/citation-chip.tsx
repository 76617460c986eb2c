"use client";

import { useT } from "@/components/ui/i18n-provider";
import { focusRing } from "@/components/ui/styles";
import type { Citation } from "@/lib/chat/messages";

/** A cited number in an answer, as a button that opens the cited passage. */
export function CitationChip({
  citation,
  onOpen,
}: {
  citation: Citation;
  onOpen: (citation: Citation) => void;
}) {
  const t = useT();
  const label =
    citation.page === null
      ? t("chat.citation.chip", { index: citation.index, name: citation.sourceName })
      : t("chat.citation.chipPage", {
          index: citation.index,
          name: citation.sourceName,
          page: citation.page,
        });
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => onOpen(citation)}
      className={`mx-0.5 inline-flex min-w-5 -translate-y-px items-center justify-center rounded-full border border-blue-200 bg-blue-50 px-1.5 align-baseline text-[0.7rem] leading-4 font-semibold text-blue-800 hover:bg-blue-100 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200 dark:hover:bg-blue-900 ${focusRing}`}
    >
      {citation.index}
    </button>
  );
}
