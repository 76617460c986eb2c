"use client";

import { type FormEvent, type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { buttonClass, focusRing, primaryButtonClass } from "@/components/ui/styles";

/**
 * The question box: Enter sends, Shift+Enter starts a new line (and Enter that confirms an input
 * method's composition, as when typing Chinese, does not send). While an answer is on its way the
 * question cannot be sent and Stop is offered instead.
 */
export function Composer({
  busy,
  onSend,
  onStop,
  children,
}: {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  /** Controls shown under the box, beside the buttons (the source scope). */
  children?: ReactNode;
}) {
  const t = useT();
  const [text, setText] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  const canSend = !busy && text.trim().length > 0;

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text.trim());
    setText("");
    field.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form
      aria-label={t("chat.composer.form")}
      onSubmit={send}
      className="border-t border-neutral-200 bg-white px-3 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-4 dark:border-neutral-800 dark:bg-neutral-950"
    >
      <div className="mx-auto flex max-w-3xl flex-col gap-2">
        <label htmlFor="composer" className="sr-only">
          {t("chat.composer.label")}
        </label>
        <textarea
          id="composer"
          ref={field}
          name="question"
          rows={2}
          value={text}
          maxLength={8000}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t("chat.composer.placeholder")}
          aria-describedby="composer-hint"
          className={`max-h-48 min-h-16 w-full resize-y rounded-lg border border-neutral-300 bg-white px-3 py-2 text-base placeholder:text-neutral-500 dark:border-neutral-700 dark:bg-neutral-900 dark:placeholder:text-neutral-400 ${focusRing}`}
        />
        <div className="flex flex-wrap items-center gap-2">
          {children}
          <p id="composer-hint" className="hidden text-xs text-neutral-600 sm:block dark:text-neutral-400">
            {t("chat.composer.hint")}
          </p>
          <div className="ml-auto flex gap-2">
            {busy ? (
              <button type="button" onClick={onStop} className={buttonClass}>
                <span aria-hidden="true" className="size-2.5 rounded-[2px] bg-current" />
                {t("chat.composer.stop")}
              </button>
            ) : null}
            <button type="submit" disabled={!canSend} className={primaryButtonClass}>
              {t("chat.composer.send")}
            </button>
          </div>
        </div>
      </div>
    </form>
  );
}
