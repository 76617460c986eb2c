import { createConversation, listConversations } from "@/db/queries/conversations";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { formatPageCursor, readPageQuery } from "@/lib/http/page-query";
import { readNewConversation } from "./conversation-request";

export const dynamic = "force-dynamic";

/** GET /api/conversations?limit=&before=: conversations, the most recently active first, paged. */
export function GET(request: Request) {
  return handleRoute(async () => {
    const { limit, before } = readPageQuery(request, { defaultLimit: 50, maxLimit: 100 });
    const { db } = await getDatabase();
    const page = await listConversations({ db, limit, before });
    return Response.json(
      { conversations: page.conversations, nextCursor: formatPageCursor(page.next) },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

/** POST /api/conversations { title?, sourceIds? }: a new, empty conversation. */
export function POST(request: Request) {
  return handleRoute(async () => {
    const { title, sourceIds } = await readNewConversation(request);
    const { db } = await getDatabase();
    const conversation = await createConversation({ db, title, sourceIds });
    return Response.json({ conversation }, { status: 201 });
  });
}
