import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { ModelBadge } from "@/components/ui/model-badge";
import { linkClass } from "@/components/ui/styles";
import { UploadButton, UploadDropOverlay, UploadList } from "@/components/upload";
import type { Translate } from "@/lib/i18n";
import { ConversationSidebar, SidebarToggle } from "./conversation-sidebar";
import type { ConversationSummary } from "./conversation-summary";
import { WorkspaceProvider } from "./workspace-context";

/**
 * The chat page's frame: the conversation sidebar, a header with the model, uploads, the admin link
 * and the language, and the conversation itself as `children`. Files can be dropped anywhere on it;
 * the uploads themselves live in the root layout's UploadProvider, so they outlast page changes.
 */
export function ChatShell({
  t,
  modelLabel,
  conversations,
  activeId,
  children,
}: {
  t: Translate;
  modelLabel: string;
  conversations: ConversationSummary[];
  activeId: string | null;
  children: ReactNode;
}) {
  return (
    <WorkspaceProvider initialConversations={conversations} activeId={activeId}>
      <div className="flex h-dvh overflow-hidden">
        <UploadDropOverlay />
        <ConversationSidebar />

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center gap-2 border-b border-neutral-200 px-3 py-2.5 sm:gap-3 sm:px-4 dark:border-neutral-800">
            <SidebarToggle />
            <h1 className="text-lg font-semibold tracking-tight">{t("app.name")}</h1>
            {/* On phones each answer names its model; the header has no room to spare. */}
            <span className="hidden sm:contents">
              <ModelBadge label={modelLabel} title={t("chat.message.modelTitle")} />
            </span>
            <div className="ml-auto flex items-center gap-3">
              <UploadButton />
              <Link href="/admin" className={`text-sm ${linkClass}`}>
                {t("nav.admin")}
              </Link>
              <LanguageSwitcher />
            </div>
          </header>
          <UploadList className="max-h-48 overflow-y-auto px-3 pt-3 sm:px-4" />
          {children}
        </div>
      </div>
    </WorkspaceProvider>
  );
}
