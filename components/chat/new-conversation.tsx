"use client";

import { useEffect, useState } from "react";
import { ChatView } from "./chat-view";
import { newConversationId } from "./new-conversation-id";
import { useWorkspace } from "./workspace-context";

/**
 * The chat at `/`. Once its first answer has moved the URL to /chat/[id] in place, the router still
 * shows this page, so "New conversation" starts the next one here (a fresh id, back to `/`) rather
 * than navigating to the page it is already on.
 */
export function NewConversation({ initialId }: { initialId: string }) {
  const [id, setId] = useState(initialId);
  const { setStartNew, setActiveId } = useWorkspace();

  useEffect(() => {
    setStartNew(() => () => {
      window.history.replaceState(null, "", "/");
      setActiveId(null);
      setId(newConversationId());
    });
    return () => setStartNew(null);
  }, [setStartNew, setActiveId]);

  return <ChatView key={id} conversationId={id} saved={false} initialMessages={[]} initialSourceIds={null} />;
}
