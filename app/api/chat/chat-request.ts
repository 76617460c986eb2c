import { z } from "zod";
import type { ChatRequest } from "@/lib/chat/answer-chat-message";
import { DocentError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";

// A question, not a document: longer input is a client mistake, and would only crowd out the context.
const MAX_QUESTION_CHARACTERS = 8_000;
const MAX_SOURCE_IDS = 500;

const textPart = z.object({ type: z.literal("text"), text: z.string() });
// Only text parts carry a question; other parts (files, data) are accepted and ignored.
const userMessage = z.object({
  role: z.literal("user", { error: "message.role must be user" }).optional(),
  parts: z.array(z.union([textPart, z.object({ type: z.string() })]), {
    error: "message.parts must be a list",
  }),
});

const chatRequest = z.object({
  id: z.uuid({ error: "id must be the conversation's id (a UUID)" }),
  trigger: z.enum(["submit-message", "regenerate-message"]).default("submit-message"),
  // The useChat client of this app sends only the new message; other clients may send them all.
  message: userMessage.optional(),
  messages: z.array(z.unknown()).max(10_000).optional(),
  messageId: z.string().max(200).optional(),
  sourceIds: z
    .array(z.uuid({ error: "sourceIds must hold source ids (UUIDs)" }))
    .max(MAX_SOURCE_IDS, { error: `sourceIds may name at most ${MAX_SOURCE_IDS} sources` })
    .nullable()
    .optional(),
});

const badRequest = (message: string) => new DocentError("bad_request:chat", message);

function questionOf(message: z.infer<typeof userMessage>): string {
  const text = message.parts
    .map((part) => ("text" in part && typeof part.text === "string" ? part.text : ""))
    .join("")
    .trim();
  if (!text) throw badRequest("The message must contain a question.");
  if (text.length > MAX_QUESTION_CHARACTERS) {
    throw badRequest(`The question must be at most ${MAX_QUESTION_CHARACTERS} characters long.`);
  }
  return text;
}

/** The body of POST /api/chat, validated; a bad one is a 400 that says what to fix. */
export async function readChatRequest(request: Request): Promise<ChatRequest> {
  const { id, trigger, message, messages, messageId, sourceIds } = await readJsonBody(request, chatRequest, {
    code: "bad_request:chat",
    example: '{"id": "<conversation id>", "message": {"role": "user", "parts": [...]}}',
    // One new message and a scope; clients that send the whole history still fit.
    maxBytes: 1024 * 1024,
    withPaths: true,
  });
  if (trigger === "regenerate-message") {
    if (!messageId) throw badRequest("messageId must name the answer to regenerate.");
    return { trigger, conversationId: id, messageId, sourceIds };
  }
  const newMessage = message ?? userMessage.safeParse(messages?.at(-1)).data;
  if (!newMessage) throw badRequest("message must be the new user message.");
  return { trigger, conversationId: id, text: questionOf(newMessage), sourceIds };
}
