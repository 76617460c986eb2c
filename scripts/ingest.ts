import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import cliProgress from "cli-progress";
import { getSourceById, type SourceSummary } from "@/db/queries/sources";
import { getEmbedder } from "@/lib/ai/providers";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/database";
import { DocentError } from "@/lib/errors";
import { acceptUploads } from "@/lib/ingest/accept-uploads";
import { ACCEPTED_EXTENSIONS } from "@/lib/ingest/file-type";
import { processNextIngestJob } from "@/lib/ingest/ingest-worker";
import { runScript } from "./run-script";

// `npm run ingest -- <files or folders…>`: the upload and ingest pipeline from the command line, with a
// progress bar per file and a summary; exits with 1 when any file failed.

const POLL_MS = 300;

/** The files to ingest: named files as they are, folders walked for files with accepted extensions. */
async function collectFiles(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) throw new DocentError("not_found:file", `${arg}: no such file or folder`);
    if (info.isFile()) {
      files.push(arg);
      continue;
    }
    const entries = await readdir(arg, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const extension = path.extname(entry.name).toLowerCase();
      if (entry.isFile() && ACCEPTED_EXTENSIONS.includes(extension)) {
        files.push(path.join(entry.parentPath, entry.name));
      }
    }
  }
  return files.sort();
}

interface Outcome {
  file: string;
  status: "ready" | "failed";
  detail: string;
}

await runScript(async () => {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.length === 0) {
    console.error("Usage: npm run ingest -- <files or folders…>");
    process.exitCode = 2;
    return;
  }
  const files = await collectFiles(args);
  if (files.length === 0) {
    console.error(`No documents found (looked for ${ACCEPTED_EXTENSIONS.join(", ")}).`);
    process.exitCode = 1;
    return;
  }

  const config = getConfig();
  const { db } = await getDatabase();
  const embedder = getEmbedder(config);
  const outcomes: Outcome[] = [];
  const tracked = new Map<string, string>(); // source id → file

  // Each file is accepted on its own, so one bad file is reported without stopping the others.
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await readFile(file));
      const { sources } = await acceptUploads({
        db,
        files: [{ name: path.basename(file), bytes }],
        maxUploadBytes: config.maxUploadBytes,
      });
      const [source] = sources;
      if (source) tracked.set(source.id, file);
    } catch (error) {
      if (!(error instanceof DocentError)) throw error;
      outcomes.push({ file, status: "failed", detail: error.message });
    }
  }

  const bars = new cliProgress.MultiBar(
    {
      format: "{bar} {percentage}% | {stage} | {file}",
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const barBySource = new Map(
    [...tracked].map(([id, file]) => [id, bars.create(100, 0, { stage: "queued", file })] as const),
  );

  const pending = new Set(tracked.keys());
  const work = (async () => {
    while (pending.size > 0) {
      const processed = await processNextIngestJob({ db, embedder });
      if (!processed) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const source = await getSourceById({ db, id });
      const bar = barBySource.get(id);
      if (!source) {
        pending.delete(id);
        outcomes.push({ file: tracked.get(id) ?? id, status: "failed", detail: "deleted while ingesting" });
        continue;
      }
      bar?.update(Math.round(source.progress * 100), { stage: describeStage(source), file: tracked.get(id) });
      if (source.status === "ready" || source.status === "failed") {
        pending.delete(id);
        outcomes.push({
          file: tracked.get(id) ?? id,
          status: source.status,
          detail:
            source.status === "ready" ? `${source.chunkCount} chunks` : (source.error ?? "unknown error"),
        });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await work;
  bars.stop();
  await embedder.close();

  const failed = outcomes.filter((outcome) => outcome.status === "failed");
  console.log(`\n${outcomes.length - failed.length} ready, ${failed.length} failed`);
  for (const outcome of outcomes.sort((a, b) => a.file.localeCompare(b.file))) {
    console.log(`  ${outcome.status === "ready" ? "ready " : "FAILED"}  ${outcome.file}: ${outcome.detail}`);
  }
  if (failed.length > 0) process.exitCode = 1;
});

function describeStage(source: SourceSummary): string {
  if (source.status === "processing") return source.stage ?? "processing";
  return source.status;
}
