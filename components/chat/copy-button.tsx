"use client";

import { useState } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { ghostButtonClass } from "@/components/ui/styles";

/** Copies an answer's text; says so for a moment, also to screen readers. */
export function CopyButton({ text }: { text: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <button type="button" onClick={copy} className={ghostButtonClass}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5" fill="none" stroke="currentColor">
        <rect x="7" y="7" width="9" height="10" rx="1.5" strokeWidth="1.5" />
        <path
          strokeWidth="1.5"
          d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-6A1.5 1.5 0 0 0 4 4.5v8A1.5 1.5 0 0 0 5.5 14H7"
        />
      </svg>
      <span aria-live="polite">{copied ? t("chat.message.copied") : t("chat.message.copy")}</span>
    </button>
  );
}
