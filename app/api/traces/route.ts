import { listTraces } from "@/db/queries/traces";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { formatPageCursor, readPageQuery } from "@/lib/http/page-query";

export const dynamic = "force-dynamic";

/** GET /api/traces?limit=&before=: the latest answered questions, newest first, paged. */
export function GET(request: Request) {
  return handleRoute(async () => {
    requireAdmin(request);
    const { limit, before } = readPageQuery(request, { defaultLimit: 20, maxLimit: 100 });
    const { db } = await getDatabase();
    const page = await listTraces({ db, limit, before });
    return Response.json(
      { traces: page.traces, nextCursor: formatPageCursor(page.next) },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
