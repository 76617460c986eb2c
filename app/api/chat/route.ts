import { createUIMessageStreamResponse } from "ai";
import { getChatModel, getEmbedder } from "@/lib/ai/providers";
import { answerChatMessage } from "@/lib/chat/answer-chat-message";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { limitRequests } from "@/lib/http/request-limits";
import { readChatRequest } from "./chat-request";

export const dynamic = "force-dynamic";

/**
 * POST /api/chat (the useChat protocol): answers the new message of a conversation as a UI message
 * stream. The client sends only its new message; the server loads and stores the conversation.
 * The request's signal reaches the model call, so a stopped or closed client stops the generation.
 */
export function POST(request: Request) {
  return handleRoute(async () => {
    limitRequests(request, "chat");
    const chatRequest = await readChatRequest(request);
    const config = getConfig();
    const { db } = await getDatabase();
    const stream = await answerChatMessage({
      db,
      embedder: getEmbedder(config),
      chatModel: getChatModel(config),
      cache: config.responseCache,
      request: chatRequest,
      abortSignal: request.signal,
    });
    return createUIMessageStreamResponse({ stream, headers: { "Cache-Control": "no-store" } });
  });
}
