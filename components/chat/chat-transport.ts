import { DefaultChatTransport } from "ai";
import type { DocentUIMessage } from "@/lib/chat/messages";

/**
 * The chat protocol's HTTP transport, sending only what is new: the server keeps the conversation, so
 * a question goes as `message`, a regeneration as the answer's `messageId`. The conversation's scope
 * is read at send time, so a change in the picker applies to the next question.
 */
export function createChatTransport(scope: () => string[] | null) {
  return new DefaultChatTransport<DocentUIMessage>({
    api: "/api/chat",
    prepareSendMessagesRequest: ({ id, messages, trigger, messageId }) => ({
      body: {
        id,
        trigger,
        message: trigger === "submit-message" ? messages.at(-1) : undefined,
        messageId,
        sourceIds: scope(),
      },
    }),
  });
}
