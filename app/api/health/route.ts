import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** GET /api/health: the mode, the database and the models; 503 while the database is unreachable. */
export async function GET() {
  const report = await checkHealth(getConfig(), getDatabase);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
