import { type ConversationSummary, toConversationSummary } from "@/components/chat/conversation-summary";
import type { Database } from "@/db/database";
import { listConversations } from "@/db/queries/conversations";
import { getConfig } from "@/lib/config";

// The sidebar's first page; more than this many conversations is a search problem, not a list.
const SIDEBAR_CONVERSATIONS = 100;

/** What every chat page shows around the conversation: the sidebar's list and the model's name. */
export async function loadChatFrame(db: Database): Promise<{
  conversations: ConversationSummary[];
  modelLabel: string;
}> {
  const { chat } = getConfig();
  const page = await listConversations({ db, limit: SIDEBAR_CONVERSATIONS });
  return {
    conversations: page.conversations.map(toConversationSummary),
    modelLabel: chat.provider === "offline" ? "Offline extractive" : chat.model,
  };
}
