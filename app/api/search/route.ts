import { getEmbedder } from "@/lib/ai/providers";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { limitRequests } from "@/lib/http/request-limits";
import { hybridSearch } from "@/lib/retrieval/hybrid-search";
import { readSearchRequest } from "./search-request";

export const dynamic = "force-dynamic";

/** POST /api/search { query, k?, sourceIds? }: the chunks that best match the query, best first. */
export function POST(request: Request) {
  return handleRoute(async () => {
    limitRequests(request, "search");
    const { query, k, sourceIds } = await readSearchRequest(request);
    const { db } = await getDatabase();
    const embedder = getEmbedder(getConfig());
    const results = await hybridSearch({ db, embedder, query, k, sourceIds });
    return Response.json({ results }, { headers: { "Cache-Control": "no-store" } });
  });
}
