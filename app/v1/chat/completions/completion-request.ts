import { z } from "zod";
import type { ChatTurn } from "@/lib/ai/prompts";
import { DocentError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";

const MAX_MESSAGES = 200;
const MAX_MESSAGE_CHARACTERS = 32_000;
const MAX_QUESTION_CHARACTERS = 8_000;

const content = z.union([
  z.string().max(MAX_MESSAGE_CHARACTERS),
  // The array form OpenAI clients send for multi-part messages; only its text parts are read.
  z.array(
    z.union([
      z.object({ type: z.literal("text"), text: z.string().max(MAX_MESSAGE_CHARACTERS) }),
      z.object({ type: z.string() }),
    ]),
  ),
]);

const completionRequest = z.object({
  model: z.string().max(200).optional(),
  messages: z
    .array(
      z.object({
        role: z.enum(["system", "developer", "user", "assistant", "tool"]),
        content: content.nullish(),
      }),
    )
    .min(1, { error: "messages must hold at least one message" })
    .max(MAX_MESSAGES, { error: `messages may hold at most ${MAX_MESSAGES} messages` }),
  stream: z.boolean().optional(),
  // Docent's own extension: answer from these sources only.
  source_ids: z
    .array(z.uuid({ error: "source_ids must hold source ids (UUIDs)" }))
    .max(500)
    .optional(),
});

export interface CompletionRequest {
  question: string;
  history: ChatTurn[];
  stream: boolean;
  sourceIds?: string[];
}

const badRequest = (message: string) => new DocentError("bad_request:completion", message);

function textOf(value: z.infer<typeof content> | null | undefined): string {
  if (!value) return "";
  if (typeof value === "string") return value.trim();
  return value
    .map((part) => ("text" in part && typeof part.text === "string" ? part.text : ""))
    .join("")
    .trim();
}

/**
 * The body of POST /v1/chat/completions: the last user message is the question and the user and
 * assistant messages before it the history. System messages are not followed: Docent's own rules
 * keep answers grounded in the documents, and a client's instructions could loosen them.
 */
export async function readCompletionRequest(request: Request): Promise<CompletionRequest> {
  const body = await readJsonBody(request, completionRequest, {
    code: "bad_request:completion",
    example: '{"model": "docent", "messages": [{"role": "user", "content": "…"}]}',
    maxBytes: 8 * 1024 * 1024,
    withPaths: true,
  });
  const turns = body.messages.flatMap((message): ChatTurn[] =>
    message.role === "user" || message.role === "assistant"
      ? [{ role: message.role, text: textOf(message.content) }]
      : [],
  );
  const last = turns.at(-1);
  if (last?.role !== "user" || !last.text) {
    throw badRequest("The last message must be a user message with text.");
  }
  if (last.text.length > MAX_QUESTION_CHARACTERS) {
    throw badRequest(`The question must be at most ${MAX_QUESTION_CHARACTERS} characters long.`);
  }
  return {
    question: last.text,
    history: turns.slice(0, -1).filter((turn) => turn.text),
    stream: body.stream ?? false,
    sourceIds: body.source_ids,
  };
}
