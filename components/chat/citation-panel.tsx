"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { ghostButtonClass, linkClass } from "@/components/ui/styles";
import type { Citation } from "@/lib/chat/messages";
import { useMediaQuery } from "./use-media-query";

const SECTION_SEPARATOR = " › ";

/**
 * The cited passage with its source name, page and section, and a link to download the source: a
 * panel beside the conversation on wide screens, a modal dialog on phones. Focus moves into it when
 * it opens and back to the chip when it closes; Escape closes it.
 */
export function CitationPanel({ citation, onClose }: { citation: Citation | null; onClose: () => void }) {
  const wide = useMediaQuery("(min-width: 1024px)");
  const dialog = useRef<HTMLDialogElement>(null);
  const panel = useRef<HTMLElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    if (!citation) return;
    opener.current ??= document.activeElement;
    if (wide) panel.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    else if (!dialog.current?.open) dialog.current?.showModal();
  }, [citation, wide]);

  useEffect(() => {
    if (citation || !opener.current) return;
    (opener.current as HTMLElement).focus?.();
    opener.current = null;
  }, [citation]);

  if (!citation) return null;
  if (wide) {
    return (
      <aside
        ref={panel}
        aria-labelledby="citation-panel-title"
        onKeyDown={(event) => event.key === "Escape" && onClose()}
        className="flex w-96 shrink-0 flex-col overflow-y-auto border-l border-neutral-200 bg-neutral-50 dark:border-neutral-800 dark:bg-neutral-900"
      >
        <CitationDetails citation={citation} onClose={onClose} titleId="citation-panel-title" />
      </aside>
    );
  }
  return (
    <dialog
      ref={dialog}
      aria-labelledby="citation-dialog-title"
      onClose={onClose}
      className="mx-auto mt-auto mb-0 max-h-[85dvh] w-full max-w-none rounded-t-xl border border-neutral-200 bg-white text-neutral-900 shadow-xl backdrop:bg-black/40 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <CitationDetails citation={citation} onClose={onClose} titleId="citation-dialog-title" />
    </dialog>
  );
}

function CitationDetails({
  citation,
  onClose,
  titleId,
}: {
  citation: Citation;
  onClose: () => void;
  titleId: string;
}): ReactNode {
  const t = useT();
  const passageId = useId();
  return (
    <div className="flex flex-col gap-3 p-4">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={titleId} className="text-base font-semibold">
            {t("chat.citation.heading", { index: citation.index })}
          </h2>
          <p className="mt-0.5 text-sm font-medium wrap-break-word text-neutral-800 dark:text-neutral-200">
            {citation.sourceName}
          </p>
        </div>
        <button
          type="button"
          data-autofocus
          onClick={onClose}
          className={`${ghostButtonClass} border border-neutral-300 dark:border-neutral-700`}
        >
          {t("chat.citation.close")}
        </button>
      </div>
      <div className="flex flex-col gap-1 text-sm text-neutral-700 dark:text-neutral-300">
        {citation.page === null ? null : <p>{t("chat.citation.page", { page: citation.page })}</p>}
        {citation.headingPath.length > 0 ? (
          <p className="wrap-break-word">
            <span className="font-medium">{t("chat.citation.section")}:</span>{" "}
            {citation.headingPath.join(SECTION_SEPARATOR)}
          </p>
        ) : null}
      </div>
      <figure aria-labelledby={passageId} className="m-0">
        <figcaption id={passageId} className="sr-only">
          {t("chat.citation.passage")}
        </figcaption>
        <blockquote className="rounded-md border-l-4 border-blue-300 bg-white p-3 text-sm leading-relaxed whitespace-pre-wrap wrap-break-word text-neutral-800 dark:border-blue-700 dark:bg-neutral-950 dark:text-neutral-200">
          {citation.content}
        </blockquote>
      </figure>
      <a
        href={`/api/sources/${citation.sourceId}/file`}
        download
        className={`self-start text-sm ${linkClass}`}
      >
        {t("chat.citation.download", { name: citation.sourceName })}
      </a>
    </div>
  );
}
