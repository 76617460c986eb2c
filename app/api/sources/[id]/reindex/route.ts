import { requeueSourceById } from "@/db/queries/sources";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { readSourceId, sourceNotFound } from "@/lib/http/source-id";
import { wakeIngestWorker } from "@/lib/ingest/in-process-worker";

export const dynamic = "force-dynamic";

/** POST /api/sources/:id/reindex: ingest the stored file again (e.g. with a new embedding model). */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    requireAdmin(request);
    const id = await readSourceId(params);
    const { db } = await getDatabase();
    const source = await requeueSourceById({ db, id });
    if (!source) throw sourceNotFound();
    await wakeIngestWorker();
    return Response.json(
      { source: { id: source.id, name: source.name, status: source.status } },
      { status: 202 },
    );
  });
}
