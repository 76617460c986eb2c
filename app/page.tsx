import { randomUUID } from "node:crypto";
import { ChatShell } from "@/components/chat/chat-shell";
import { NewConversation } from "@/components/chat/new-conversation";
import { getDatabase } from "@/lib/database";
import { translator } from "@/lib/i18n";
import { loadChatFrame } from "./chat/chat-frame";
import { getRequestLocale } from "./request-locale";

export const dynamic = "force-dynamic";

/**
 * `/`: a new conversation. Its id is made here; the server stores the conversation with its first
 * question, and the page then moves to /chat/[id] without reloading.
 */
export default async function HomePage() {
  const { db } = await getDatabase();
  const [locale, frame] = await Promise.all([getRequestLocale(), loadChatFrame(db)]);
  return (
    <ChatShell
      t={translator(locale)}
      modelLabel={frame.modelLabel}
      conversations={frame.conversations}
      activeId={null}
    >
      <NewConversation initialId={randomUUID()} />
    </ChatShell>
  );
}
