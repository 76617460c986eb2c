import { z } from "zod";
import { getSourceById, listChunksForSource } from "@/db/queries/sources";
import { getDatabase } from "@/lib/database";
import { DocentError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { readSourceId, sourceNotFound } from "@/lib/http/source-id";

export const dynamic = "force-dynamic";

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /api/sources/:id/chunks?offset=&limit=: the source's chunks in document order, paged. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const id = await readSourceId(params);
    const query = pageQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) {
      throw new DocentError("bad_request:paging", "offset must be 0 or more and limit between 1 and 200.");
    }
    const { db } = await getDatabase();
    if (!(await getSourceById({ db, id }))) throw sourceNotFound();
    const page = await listChunksForSource({ db, sourceId: id, ...query.data });
    return Response.json({ ...page, ...query.data }, { headers: { "Cache-Control": "no-store" } });
  });
}
