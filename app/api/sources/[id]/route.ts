import { deleteSourceById, getSourceById } from "@/db/queries/sources";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { readSourceId, sourceNotFound } from "@/lib/http/source-id";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/sources/:id: one source with its status and progress (the UI polls this while ingesting). */
export function GET(_request: Request, { params }: Context) {
  return handleRoute(async () => {
    const id = await readSourceId(params);
    const { db } = await getDatabase();
    const source = await getSourceById({ db, id });
    if (!source) throw sourceNotFound();
    return Response.json({ source }, { headers: { "Cache-Control": "no-store" } });
  });
}

/** DELETE /api/sources/:id: the source, its stored file and its chunks. */
export function DELETE(request: Request, { params }: Context) {
  return handleRoute(async () => {
    requireAdmin(request);
    const id = await readSourceId(params);
    const { db } = await getDatabase();
    if (!(await deleteSourceById({ db, id }))) throw sourceNotFound();
    return new Response(null, { status: 204 });
  });
}
