"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { buttonClass, dangerButtonClass, focusRing, ghostButtonClass } from "@/components/ui/styles";
import type { ConversationSummary } from "./conversation-summary";
import { useWorkspace } from "./workspace-context";

type Mode = "view" | "rename" | "confirm-delete";

/** One conversation in the sidebar: a link to it, and rename and delete in place. */
export function ConversationItem({ conversation }: { conversation: ConversationSummary }) {
  const t = useT();
  const router = useRouter();
  const { activeId, rename, remove, setSidebarOpen } = useWorkspace();
  const [mode, setMode] = useState<Mode>("view");
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const title = conversation.title || t("chat.sidebar.untitled");
  const active = conversation.id === activeId;

  useEffect(() => {
    if (mode === "rename") field.current?.select();
  }, [mode]);

  function back() {
    setMode("view");
    setError(null);
    // Back to the control that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => renameButton.current?.focus());
  }

  async function submitRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("title") ?? "").trim();
    if (!next || next === conversation.title) return back();
    setWorking(true);
    try {
      await rename(conversation.id, next, t("chat.error.unreachable"));
      back();
    } catch (failure) {
      setError(t("chat.sidebar.failed", { message: (failure as Error).message }));
    } finally {
      setWorking(false);
    }
  }

  async function confirmDelete() {
    setWorking(true);
    try {
      await remove(conversation.id, t("chat.error.unreachable"));
      if (active) router.push("/");
    } catch (failure) {
      setError(t("chat.sidebar.failed", { message: (failure as Error).message }));
      setWorking(false);
    }
  }

  if (mode === "rename") {
    return (
      <li className="rounded-md bg-white p-2 shadow-sm ring-1 ring-neutral-200 dark:bg-neutral-900 dark:ring-neutral-800">
        <form onSubmit={submitRename} onKeyDown={(event) => event.key === "Escape" && back()}>
          <label className="text-xs font-medium text-neutral-600 dark:text-neutral-400">
            {t("chat.sidebar.titleField")}
            <input
              ref={field}
              name="title"
              defaultValue={conversation.title}
              maxLength={200}
              required
              className={`mt-1 block w-full rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm text-neutral-900 dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-100 ${focusRing}`}
            />
          </label>
          {error ? (
            <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <div className="mt-2 flex justify-end gap-1.5">
            <button type="button" onClick={back} className={buttonClass}>
              {t("chat.sidebar.cancel")}
            </button>
            <button type="submit" disabled={working} className={buttonClass}>
              {t("chat.sidebar.save")}
            </button>
          </div>
        </form>
      </li>
    );
  }

  if (mode === "confirm-delete") {
    return (
      <li className="rounded-md bg-white p-2 shadow-sm ring-1 ring-neutral-200 dark:bg-neutral-900 dark:ring-neutral-800">
        <p className="text-sm wrap-break-word">{t("chat.sidebar.deleteConfirm", { title })}</p>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <div className="mt-2 flex justify-end gap-1.5">
          {/* biome-ignore lint/a11y/noAutofocus: the question just appeared; its safe answer takes focus. */}
          <button type="button" autoFocus onClick={back} className={buttonClass}>
            {t("chat.sidebar.cancel")}
          </button>
          <button type="button" disabled={working} onClick={confirmDelete} className={dangerButtonClass}>
            {t("chat.sidebar.delete")}
          </button>
        </div>
      </li>
    );
  }

  return (
    <li
      className={`group flex items-center gap-1 rounded-md ${active ? "bg-neutral-200/80 dark:bg-neutral-800" : "hover:bg-neutral-200/50 dark:hover:bg-neutral-800/60"}`}
    >
      <Link
        href={`/chat/${conversation.id}`}
        aria-current={active ? "page" : undefined}
        onClick={() => setSidebarOpen(false)}
        className={`min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-sm text-neutral-800 dark:text-neutral-200 ${focusRing}`}
      >
        {title}
      </Link>
      <button
        ref={renameButton}
        type="button"
        aria-label={t("chat.sidebar.renameNamed", { title })}
        title={t("chat.sidebar.renameNamed", { title })}
        onClick={() => setMode("rename")}
        className={ghostButtonClass}
      >
        <PencilIcon />
      </button>
      <button
        type="button"
        aria-label={t("chat.sidebar.deleteNamed", { title })}
        title={t("chat.sidebar.deleteNamed", { title })}
        onClick={() => setMode("confirm-delete")}
        className={ghostButtonClass}
      >
        <TrashIcon />
      </button>
    </li>
  );
}

function PencilIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor">
      <path strokeWidth="1.5" strokeLinejoin="round" d="M13.5 3.5l3 3L7 16H4v-3l9.5-9.5z" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor">
      <path strokeWidth="1.5" strokeLinecap="round" d="M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10" />
    </svg>
  );
}
