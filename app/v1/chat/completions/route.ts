import { randomUUID } from "node:crypto";
import { getChatModel, getEmbedder } from "@/lib/ai/providers";
import { prepareAnswer } from "@/lib/chat/prepare-answer";
import { runAnswer } from "@/lib/chat/run-answer";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { limitRequests } from "@/lib/http/request-limits";
import { readCompletionRequest } from "./completion-request";
import { completionResponse, streamingCompletionResponse } from "./completion-response";

export const dynamic = "force-dynamic";

/**
 * POST /v1/chat/completions: the chat pipeline (retrieval, prompt, model, trace, cache) behind the
 * OpenAI chat-completions API, so any OpenAI client or chat UI can ask Docent about its documents.
 */
export function POST(request: Request) {
  return handleRoute(async () => {
    const startedAt = performance.now();
    limitRequests(request, "chat");
    const { question, history, stream, sourceIds } = await readCompletionRequest(request);
    const config = getConfig();
    const { db } = await getDatabase();
    const chatModel = getChatModel(config);
    const embedder = getEmbedder(config);
    const prepared = await prepareAnswer({
      db,
      embedder,
      chatModel,
      question,
      history,
      sourceIds,
      abortSignal: request.signal,
    });
    const run = runAnswer({
      db,
      chatModel,
      prepared,
      cache: config.responseCache,
      abortSignal: request.signal,
      startedAt,
    });
    const requestId = randomUUID();
    return stream
      ? streamingCompletionResponse(run, prepared.citations, requestId)
      : completionResponse(run, prepared.citations, requestId);
  });
}
