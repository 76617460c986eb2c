import { listSources } from "@/db/queries/sources";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { DocentError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { limitRequests } from "@/lib/http/request-limits";
import { acceptUploads, type UploadedFile } from "@/lib/ingest/accept-uploads";
import { wakeIngestWorker } from "@/lib/ingest/in-process-worker";

export const dynamic = "force-dynamic";

// A request may carry several files; this bounds what the server buffers before checking each one.
const MAX_FILES_PER_REQUEST = 20;

/** GET /api/sources: every source, newest first, with its ingest status and progress. */
export function GET() {
  return handleRoute(async () => {
    const { db } = await getDatabase();
    return Response.json(
      { sources: await listSources({ db }) },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

/** POST /api/sources (multipart, field "files"): stores the files and queues them; 202 at once. */
export function POST(request: Request) {
  return handleRoute(async () => {
    limitRequests(request, "upload");
    const { maxUploadBytes } = getConfig();
    // Refuse an oversized body before reading it into memory.
    const declaredLength = Number(request.headers.get("content-length") ?? 0);
    if (declaredLength > maxUploadBytes * MAX_FILES_PER_REQUEST) {
      throw new DocentError("too_large:upload", "This upload is too large. Send fewer or smaller files.");
    }
    const files = await readFiles(request);
    const { db } = await getDatabase();
    const { sources } = await acceptUploads({ db, files, maxUploadBytes });
    await wakeIngestWorker();
    return Response.json(
      { sources: sources.map(({ id, name, status }) => ({ id, name, status })) },
      { status: 202 },
    );
  });
}

async function readFiles(request: Request): Promise<UploadedFile[]> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DocentError(
      "bad_request:upload",
      'Send the files as multipart/form-data, in the field "files".',
    );
  }
  const entries = form.getAll("files").filter((entry): entry is File => typeof entry !== "string");
  if (entries.length > MAX_FILES_PER_REQUEST) {
    throw new DocentError("bad_request:upload", `Send at most ${MAX_FILES_PER_REQUEST} files at a time.`);
  }
  return Promise.all(
    entries.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}
