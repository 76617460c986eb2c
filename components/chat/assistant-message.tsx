"use client";

import dynamic from "next/dynamic";
import { useMemo } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { ModelBadge } from "@/components/ui/model-badge";
import { ghostButtonClass } from "@/components/ui/styles";
import { type Citation, type DocentUIMessage, messageText } from "@/lib/chat/messages";
import { CopyButton } from "./copy-button";

// The Markdown renderer and highlighter load once an answer is shown, not with the page; until then
// the text shows as it is.
const AnswerMarkdown = dynamic(() => import("./answer-markdown"), {
  loading: () => null,
});

/** The sources an answer cites, from its data-sources part (sent before its text). */
export const citationsOf = (message: DocentUIMessage): Citation[] =>
  message.parts.flatMap((part) => (part.type === "data-sources" ? (part.data as Citation[]) : []));

/** One answer: its Markdown with citation chips, the model that wrote it, copy and regenerate. */
export function AssistantMessage({
  message,
  streaming,
  onOpenCitation,
  onRegenerate,
}: {
  message: DocentUIMessage;
  streaming: boolean;
  onOpenCitation: (citation: Citation) => void;
  /** Absent unless this is the last answer and nothing is on its way. */
  onRegenerate?: () => void;
}) {
  const t = useT();
  const text = messageText(message);
  // Kept while the message is unchanged, so its chips stay the same elements (focus returns to them).
  const citations = useMemo(() => citationsOf(message), [message]);
  const modelLabel = message.metadata?.modelLabel;
  return (
    <article aria-label={t("chat.message.answer")} className="flex flex-col gap-2">
      {text ? (
        <div className="leading-relaxed wrap-break-word">
          <AnswerMarkdown text={text} citations={citations} onOpenCitation={onOpenCitation} />
        </div>
      ) : streaming ? (
        <p className="animate-pulse text-neutral-600 dark:text-neutral-400">{t("chat.message.searching")}</p>
      ) : null}
      {text && !streaming ? (
        <div className="flex flex-wrap items-center gap-1">
          {modelLabel ? <ModelBadge label={modelLabel} title={t("chat.message.modelTitle")} /> : null}
          <CopyButton text={text} />
          {onRegenerate ? (
            <button type="button" onClick={onRegenerate} className={ghostButtonClass}>
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="size-3.5"
                fill="none"
                stroke="currentColor"
              >
                <path strokeWidth="1.5" strokeLinecap="round" d="M16 10a6 6 0 1 1-1.8-4.3M16 3.5V6h-2.5" />
              </svg>
              {t("chat.message.regenerate")}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
