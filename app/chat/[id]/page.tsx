import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatShell } from "@/components/chat/chat-shell";
import { ChatView } from "@/components/chat/chat-view";
import { getConversationById, getMessagesByConversationId } from "@/db/queries/conversations";
import type { DocentUIMessage } from "@/lib/chat/messages";
import { getDatabase } from "@/lib/database";
import { translator } from "@/lib/i18n";
import { getRequestLocale } from "../../request-locale";
import { loadChatFrame } from "../chat-frame";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findConversation(id: string) {
  if (!UUID.test(id)) return undefined;
  const { db } = await getDatabase();
  return getConversationById({ db, id: id.toLowerCase() });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conversation = await findConversation((await params).id);
  return { title: conversation ? `${conversation.title} · Docent` : "Docent" };
}

/** /chat/[id]: a stored conversation with its messages, ready to continue. */
export default async function ConversationPage({ params }: Props) {
  const conversation = await findConversation((await params).id);
  if (!conversation) notFound();
  const { db } = await getDatabase();
  const [locale, frame, stored] = await Promise.all([
    getRequestLocale(),
    loadChatFrame(db),
    getMessagesByConversationId({ db, conversationId: conversation.id }),
  ]);
  const messages = stored.map(
    (message): DocentUIMessage => ({
      id: message.id,
      role: message.role,
      parts: message.parts as DocentUIMessage["parts"],
      metadata: message.metadata ?? undefined,
    }),
  );
  return (
    <ChatShell
      t={translator(locale)}
      modelLabel={frame.modelLabel}
      conversations={frame.conversations}
      activeId={conversation.id}
    >
      <ChatView
        key={conversation.id}
        conversationId={conversation.id}
        saved
        initialMessages={messages}
        initialSourceIds={conversation.sourceIds}
      />
    </ChatShell>
  );
}
