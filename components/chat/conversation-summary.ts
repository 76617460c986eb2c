/** A conversation as the sidebar lists it; dates as ISO text, the same from the server page and the API. */
export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
}

export const toConversationSummary = (conversation: {
  id: string;
  title: string;
  updatedAt: Date | string;
}): ConversationSummary => ({
  id: conversation.id,
  title: conversation.title,
  updatedAt: new Date(conversation.updatedAt).toISOString(),
});
