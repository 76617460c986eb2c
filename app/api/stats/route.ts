import { getSourceTotals } from "@/db/queries/source-totals";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** GET /api/stats: how many sources and chunks are stored, and the bytes of the original files. */
export function GET() {
  return handleRoute(async () => {
    const { db } = await getDatabase();
    return Response.json(
      { totals: await getSourceTotals({ db }) },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
