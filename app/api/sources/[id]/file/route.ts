import { getSourceFileById } from "@/db/queries/sources";
import { getDatabase } from "@/lib/database";
import { handleRoute } from "@/lib/http/error-response";
import { readSourceId, sourceNotFound } from "@/lib/http/source-id";

export const dynamic = "force-dynamic";

/** GET /api/sources/:id/file: the original upload, as a download (never rendered inline: it is untrusted). */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const id = await readSourceId(params);
    const { db } = await getDatabase();
    const file = await getSourceFileById({ db, id });
    if (!file) throw sourceNotFound();
    const asciiName = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
