"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { ghostButtonClass, primaryButtonClass } from "@/components/ui/styles";
import { ConversationItem } from "./conversation-item";
import { useWorkspace } from "./workspace-context";

/**
 * The list of conversations with a way to start a new one. Always shown from md up; on phones it
 * slides over the page when the header's button opens it, and Escape or the backdrop closes it.
 */
export function ConversationSidebar() {
  const t = useT();
  const { conversations, sidebarOpen, setSidebarOpen, startNew } = useWorkspace();

  useEffect(() => {
    if (!sidebarOpen) return;
    const close = (event: KeyboardEvent) => event.key === "Escape" && setSidebarOpen(false);
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [sidebarOpen, setSidebarOpen]);

  return (
    <>
      {sidebarOpen ? (
        <button
          type="button"
          tabIndex={-1}
          aria-hidden="true"
          onClick={() => setSidebarOpen(false)}
          className="fixed inset-0 z-30 bg-black/40 md:hidden"
        />
      ) : null}
      <nav
        id="conversation-sidebar"
        aria-label={t("chat.sidebar.label")}
        className={`${sidebarOpen ? "fixed inset-y-0 left-0 z-40 flex shadow-xl" : "hidden"} w-72 max-w-[85vw] shrink-0 flex-col gap-3 border-r border-neutral-200 bg-neutral-50 p-3 md:static md:flex md:w-64 md:shadow-none dark:border-neutral-800 dark:bg-neutral-900`}
      >
        <div className="flex items-center justify-between gap-2">
          <Link
            href="/"
            onClick={(event) => {
              setSidebarOpen(false);
              if (!startNew) return;
              event.preventDefault();
              startNew();
            }}
            className={`${primaryButtonClass} flex-1`}
          >
            <span aria-hidden="true">+</span> {t("chat.sidebar.new")}
          </Link>
          <button
            type="button"
            onClick={() => setSidebarOpen(false)}
            aria-label={t("chat.sidebar.close")}
            className={`${ghostButtonClass} md:hidden`}
          >
            <span aria-hidden="true" className="text-lg leading-none">
              ×
            </span>
          </button>
        </div>
        <h2 className="px-2 pt-1 text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400">
          {t("chat.sidebar.label")}
        </h2>
        {conversations.length === 0 ? (
          <p className="px-2 text-sm text-neutral-600 dark:text-neutral-400">{t("chat.sidebar.empty")}</p>
        ) : (
          <ul className="-mx-1 flex min-h-0 flex-1 flex-col gap-0.5 overflow-y-auto px-1">
            {conversations.map((conversation) => (
              <ConversationItem key={conversation.id} conversation={conversation} />
            ))}
          </ul>
        )}
      </nav>
    </>
  );
}

/** The header's button that shows the sidebar on phones. */
export function SidebarToggle() {
  const t = useT();
  const { sidebarOpen, setSidebarOpen } = useWorkspace();
  return (
    <button
      type="button"
      aria-controls="conversation-sidebar"
      aria-expanded={sidebarOpen}
      aria-label={t("chat.sidebar.open")}
      onClick={() => setSidebarOpen(true)}
      className={`${ghostButtonClass} -ml-1 md:hidden`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor">
        <path strokeWidth="1.5" strokeLinecap="round" d="M3 5h14M3 10h14M3 15h14" />
      </svg>
    </button>
  );
}
