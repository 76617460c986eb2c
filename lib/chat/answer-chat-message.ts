import { randomUUID } from "node:crypto";
import { createUIMessageStream, type UIMessageChunk } from "ai";
import type { Database } from "@/db/database";
import {
  type Conversation,
  createConversation,
  deleteMessagesAfter,
  getConversationById,
  getMessagesByConversationId,
  type StoredMessage,
  saveMessages,
  updateConversationSources,
} from "@/db/queries/conversations";
import type { TextEmbedder } from "@/lib/ai/embedder";
import type { ChatTurn } from "@/lib/ai/prompts";
import type { ChatModel } from "@/lib/ai/providers";
import { DocentError } from "@/lib/errors";
import type { AnswerMetadata, DocentUIMessage } from "./messages";
import { messageText } from "./messages";
import { prepareAnswer } from "./prepare-answer";
import { runAnswer } from "./run-answer";

// A new conversation is titled after its first question, cut at a word near this length.
const TITLE_CHARACTERS = 80;

export type ChatRequest =
  | { trigger: "submit-message"; conversationId: string; text: string; sourceIds?: string[] | null }
  | { trigger: "regenerate-message"; conversationId: string; messageId: string; sourceIds?: string[] | null };

export interface AnswerChatMessageOptions {
  db: Database;
  embedder: TextEmbedder;
  chatModel: ChatModel;
  cache: { enabled: boolean; ttlSeconds: number };
  request: ChatRequest;
  abortSignal?: AbortSignal;
}

function titleFor(question: string): string {
  const oneLine = question.replace(/\s+/g, " ").trim();
  if (oneLine.length <= TITLE_CHARACTERS) return oneLine;
  const cut = oneLine.slice(0, TITLE_CHARACTERS);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > TITLE_CHARACTERS / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

const toTurn = (message: StoredMessage): ChatTurn | undefined =>
  message.role === "user" || message.role === "assistant"
    ? { role: message.role, text: messageText(message as unknown as DocentUIMessage) }
    : undefined;

/** The question to answer and the turns before it, after storing a new question or undoing an old answer. */
async function takeQuestion(
  db: Database,
  conversation: Conversation,
  request: ChatRequest,
): Promise<{ question: string; history: ChatTurn[] }> {
  if (request.trigger === "submit-message") {
    const earlier = await getMessagesByConversationId({ db, conversationId: conversation.id });
    // Stored before the model runs, so the question survives whatever happens to the answer.
    await saveMessages({
      db,
      conversationId: conversation.id,
      messages: [{ id: randomUUID(), role: "user", parts: [{ type: "text", text: request.text }] }],
    });
    return { question: request.text, history: earlier.flatMap((message) => toTurn(message) ?? []) };
  }
  const stored = await getMessagesByConversationId({ db, conversationId: conversation.id });
  const answerAt = stored.findIndex((message) => message.id === request.messageId);
  const asked = stored
    .slice(0, answerAt === -1 ? stored.length : answerAt)
    .findLastIndex((m) => m.role === "user");
  const questionMessage = stored[asked];
  if (answerAt === -1 || stored[answerAt]?.role !== "assistant" || !questionMessage) {
    throw new DocentError("not_found:message", "There is no such answer in this conversation to regenerate.");
  }
  await deleteMessagesAfter({ db, conversationId: conversation.id, messageId: questionMessage.id });
  return {
    question: messageText(questionMessage as unknown as DocentUIMessage),
    history: stored.slice(0, asked).flatMap((message) => toTurn(message) ?? []),
  };
}

/**
 * One turn of a conversation, in the protocol `useChat` speaks: stores the question (or undoes the
 * answer being regenerated), retrieves and prompts, then streams the answer with its sources first,
 * so citations render while the text arrives. The answer is stored when it ends, also when it was
 * stopped part-way (what the reader saw is kept) or the model failed after writing some of it.
 */
export async function answerChatMessage({
  db,
  embedder,
  chatModel,
  cache,
  request,
  abortSignal,
}: AnswerChatMessageOptions): Promise<ReadableStream<UIMessageChunk>> {
  const startedAt = performance.now();
  const conversationId = request.conversationId;
  let conversation = await getConversationById({ db, id: conversationId });
  if (!conversation) {
    if (request.trigger !== "submit-message") {
      throw new DocentError(
        "not_found:conversation",
        "This conversation does not exist (it may have been deleted).",
      );
    }
    conversation = await createConversation({
      db,
      id: conversationId,
      title: titleFor(request.text),
      sourceIds: request.sourceIds ?? null,
    });
  } else if (request.sourceIds !== undefined) {
    conversation =
      (await updateConversationSources({ db, id: conversationId, sourceIds: request.sourceIds })) ??
      conversation;
  }

  const { question, history } = await takeQuestion(db, conversation, request);
  const prepared = await prepareAnswer({
    db,
    embedder,
    chatModel,
    question,
    history,
    sourceIds: conversation.sourceIds ?? undefined,
    abortSignal,
  });
  const answerId = randomUUID();
  const run = runAnswer({
    db,
    chatModel,
    prepared,
    cache,
    abortSignal,
    conversationId,
    messageId: answerId,
    startedAt,
  });
  const metadata: AnswerMetadata = {
    model: chatModel.id,
    modelLabel: chatModel.label,
    createdAt: Date.now(),
  };

  return createUIMessageStream<DocentUIMessage>({
    execute: async ({ writer }) => {
      writer.write({ type: "start", messageId: answerId, messageMetadata: metadata });
      writer.write({ type: "data-sources", id: `${answerId}-sources`, data: prepared.citations });
      const textId = `${answerId}-text`;
      writer.write({ type: "text-start", id: textId });
      try {
        for await (const delta of run.textStream) writer.write({ type: "text-delta", id: textId, delta });
      } finally {
        writer.write({ type: "text-end", id: textId });
        const outcome = await run.outcome;
        const finalMetadata: AnswerMetadata = {
          ...metadata,
          traceId: outcome.traceId,
          cacheHit: outcome.cacheHit,
        };
        if (outcome.text.trim()) {
          await saveMessages({
            db,
            conversationId,
            messages: [
              {
                id: answerId,
                role: "assistant",
                parts: [
                  { type: "data-sources", id: `${answerId}-sources`, data: prepared.citations },
                  { type: "text", text: outcome.text },
                ],
                metadata: { ...finalMetadata },
              },
            ],
          });
        }
        if (!outcome.error) writer.write({ type: "finish", messageMetadata: finalMetadata });
      }
    },
    // A DocentError's message is written for the reader; anything else stays in the log.
    onError: (error) =>
      error instanceof DocentError
        ? error.message
        : "Something went wrong while answering. Please try again.",
  });
}
