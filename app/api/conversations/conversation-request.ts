import { z } from "zod";
import { DocentError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";

const MAX_TITLE_CHARACTERS = 200;
const MAX_SOURCE_IDS = 500;

const title = z
  .string({ error: "title must be text" })
  .trim()
  .min(1, { error: "title must not be empty" })
  .max(MAX_TITLE_CHARACTERS, { error: `title must be at most ${MAX_TITLE_CHARACTERS} characters` });

// null opens the conversation to every source; an empty list would leave it nothing to answer from.
const sourceIds = z
  .array(z.uuid({ error: "sourceIds must hold source ids (UUIDs)" }), {
    error: "sourceIds must be a list of source ids, or null for all sources",
  })
  .min(1, { error: "sourceIds must name at least one source (null means all of them)" })
  .max(MAX_SOURCE_IDS, { error: `sourceIds may name at most ${MAX_SOURCE_IDS} sources` })
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
  .nullable();

const newConversation = z.strictObject(
  { title: title.optional(), sourceIds: sourceIds.optional() },
  { error: 'Send a JSON object such as {"title": "Refund policy", "sourceIds": null}' },
);

const conversationChanges = z
  .strictObject(
    { title: title.optional(), sourceIds: sourceIds.optional() },
    { error: 'Send a JSON object such as {"title": "Refund policy"} or {"sourceIds": null}' },
  )
  .refine((changes) => changes.title !== undefined || changes.sourceIds !== undefined, {
    error: "Send a new title, new sourceIds, or both",
  });

export type NewConversationBody = z.infer<typeof newConversation>;
export type ConversationChanges = z.infer<typeof conversationChanges>;

const bodyOptions = {
  code: "bad_request:conversation",
  example: '{"title": "Refund policy"}',
  maxBytes: 64 * 1024,
} as const;

/** The body of POST /api/conversations; an empty body starts an untitled conversation over all sources. */
export function readNewConversation(request: Request): Promise<NewConversationBody> {
  return readJsonBody(request, newConversation, { ...bodyOptions, emptyBody: "{}" });
}

/** The body of PATCH /api/conversations/:id: a new title, new sources, or both. */
export function readConversationChanges(request: Request): Promise<ConversationChanges> {
  return readJsonBody(request, conversationChanges, bodyOptions);
}

const conversationId = z.uuid();

/** The conversation id from a route's path; one that is not a UUID is a client mistake (400). */
export async function readConversationId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  const parsed = conversationId.safeParse(id);
  if (!parsed.success) {
    throw new DocentError("bad_request:conversation", "A conversation id is a UUID.");
  }
  return parsed.data.toLowerCase();
}

export function conversationNotFound(): DocentError {
  return new DocentError(
    "not_found:conversation",
    "This conversation does not exist (it may have been deleted).",
  );
}
