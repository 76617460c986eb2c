import { parseArgs } from "node:util";
import { getEmbedder } from "@/lib/ai/providers";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { drainIngestQueue, startIngestWorker } from "@/lib/ingest/ingest-worker";
import { log } from "@/lib/log";
import { runScript } from "./run-script";

// `npm run worker`: ingests queued sources in this process, alongside (or instead of) the app's own
// worker. Several can run against one Postgres: each claims different jobs.
const { values } = parseArgs({
  options: {
    // Exit once no job is waiting, instead of polling forever (for batch runs and tests).
    once: { type: "boolean", default: false },
    "lease-ms": { type: "string" },
  },
});

await runScript(async () => {
  const config = getConfig();
  const { db } = await getDatabase();
  const embedder = getEmbedder(config);
  const options = {
    db,
    embedder,
    leaseMs: values["lease-ms"] ? Number(values["lease-ms"]) : undefined,
    log: (level: "info" | "warn" | "error", message: string, details: Record<string, unknown>) =>
      log[level](details, message),
  };
  log.info({ database: config.database.kind, embeddingModel: embedder.model }, "Ingest worker started");
  try {
    if (values.once) {
      await drainIngestQueue(options);
      return;
    }
    const worker = startIngestWorker(options);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    log.info({}, "Ingest worker stopping");
    await worker.stop();
  } finally {
    await embedder.close();
  }
});
