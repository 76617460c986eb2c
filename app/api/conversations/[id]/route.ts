import {
  deleteConversation,
  getConversationById,
  getMessagesByConversationId,
  renameConversation,
  updateConversationSources,
} from "@/db/queries/conversations";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { conversationNotFound, readConversationChanges, readConversationId } from "../conversation-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/conversations/:id: the conversation and its messages, oldest first. */
export function GET(_request: Request, { params }: Context) {
  return handleRoute(async () => {
    const id = await readConversationId(params);
    const { db } = await getDatabase();
    const conversation = await getConversationById({ db, id });
    if (!conversation) throw conversationNotFound();
    const messages = await getMessagesByConversationId({ db, conversationId: id });
    return Response.json({ conversation, messages }, { headers: { "Cache-Control": "no-store" } });
  });
}

/** PATCH /api/conversations/:id { title?, sourceIds? }: renames it, rescopes it, or both. */
export function PATCH(request: Request, { params }: Context) {
  return handleRoute(async () => {
    const id = await readConversationId(params);
    const { title, sourceIds } = await readConversationChanges(request);
    const { db } = await getDatabase();
    let conversation = title === undefined ? undefined : await renameConversation({ db, id, title });
    if (sourceIds !== undefined) conversation = await updateConversationSources({ db, id, sourceIds });
    if (!conversation) throw conversationNotFound();
    return Response.json({ conversation });
  });
}

/** DELETE /api/conversations/:id: the conversation and its messages; its traces stay, unlinked. */
export function DELETE(_request: Request, { params }: Context) {
  return handleRoute(async () => {
    const id = await readConversationId(params);
    const { db } = await getDatabase();
    if (!(await deleteConversation({ db, id }))) throw conversationNotFound();
    return new Response(null, { status: 204 });
  });
}
