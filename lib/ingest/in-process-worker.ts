import { getEmbedder } from "@/lib/ai/providers";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { log } from "@/lib/log";
import { type IngestWorker, startIngestWorker } from "./ingest-worker";

// On globalThis so development reloads keep one worker loop per server process.
const globalForWorker = globalThis as unknown as { docentIngestWorker?: IngestWorker };

/** Starts the app server's own ingest loop (the default; INGEST_WORKER=external leaves it to workers). */
export async function startInProcessIngestWorker(): Promise<void> {
  const config = getConfig();
  if (config.ingestWorker !== "in-process" || globalForWorker.docentIngestWorker) return;
  const { db } = await getDatabase();
  globalForWorker.docentIngestWorker = startIngestWorker({
    db,
    embedder: getEmbedder(config),
    log: (level, message, details) => log[level](details, message),
  });
}

/**
 * Tells the in-process worker there is new work, so an upload starts at once rather than at the next
 * poll; starts it first if start-up could not (the database was down then).
 */
export async function wakeIngestWorker(): Promise<void> {
  await startInProcessIngestWorker();
  globalForWorker.docentIngestWorker?.wake();
}

export async function stopInProcessIngestWorker(): Promise<void> {
  const worker = globalForWorker.docentIngestWorker;
  globalForWorker.docentIngestWorker = undefined;
  await worker?.stop();
}
