"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { callJson } from "@/components/ui/read-api-error";
import { type ConversationSummary, toConversationSummary } from "./conversation-summary";

interface Workspace {
  conversations: ConversationSummary[];
  /** The conversation on screen; it changes without a navigation when a new one is first saved. */
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  /** Starts a new conversation in place; set while the page at `/` is the one on screen. */
  startNew: (() => void) | null;
  setStartNew: (startNew: (() => void) | null) => void;
  /** Loads the list again from /api/conversations, e.g. after the server saved a new conversation. */
  refresh: () => Promise<void>;
  rename: (id: string, title: string, fallback: string) => Promise<void>;
  remove: (id: string, fallback: string) => Promise<void>;
  sidebarOpen: boolean;
  setSidebarOpen: (open: boolean) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

/**
 * What the sidebar and the chat share: the conversation list (first from the server page, then
 * from the API) and, on phones, whether the sidebar is shown.
 */
export function WorkspaceProvider({
  initialConversations,
  activeId: initialActiveId,
  children,
}: {
  initialConversations: ConversationSummary[];
  activeId: string | null;
  children: ReactNode;
}) {
  const [conversations, setConversations] = useState(initialConversations);
  const [activeId, setActiveId] = useState(initialActiveId);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [startNew, setStartNew] = useState<(() => void) | null>(null);

  const refresh = useCallback(async () => {
    const page = await callJson<{ conversations: ConversationSummary[] }>(
      "/api/conversations",
      {},
      "The conversations could not be loaded.",
    );
    if (page) setConversations(page.conversations.map(toConversationSummary));
  }, []);

  const rename = useCallback(async (id: string, title: string, fallback: string) => {
    const changed = await callJson<{ conversation: ConversationSummary }>(
      `/api/conversations/${id}`,
      { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ title }) },
      fallback,
    );
    if (!changed) return;
    const renamed = toConversationSummary(changed.conversation);
    setConversations((list) => [renamed, ...list.filter((conversation) => conversation.id !== id)]);
  }, []);

  const remove = useCallback(async (id: string, fallback: string) => {
    await callJson(`/api/conversations/${id}`, { method: "DELETE" }, fallback);
    setConversations((list) => list.filter((conversation) => conversation.id !== id));
  }, []);

  const value = useMemo(
    () => ({
      conversations,
      activeId,
      setActiveId,
      startNew,
      setStartNew,
      refresh,
      rename,
      remove,
      sidebarOpen,
      setSidebarOpen,
    }),
    [conversations, activeId, startNew, refresh, rename, remove, sidebarOpen],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useWorkspace() needs a <WorkspaceProvider> above it");
  return workspace;
}
