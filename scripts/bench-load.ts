import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startAppServer } from "./bench/app-server";
import { percentiles } from "./bench/percentiles";
import { processTreeRssMb } from "./bench/process-tree-rss";

// `npm run bench:load`: starts the production server on loopback with a fresh embedded database and
// the offline model, uploads the fixture documents, then for --seconds keeps --chats chat streams
// and --uploads uploads going at once from this process, and prints JSON: requests, errors by
// status, time to first token and to the end of the answer (p50/p95/p99), and the server's peak RSS.
// Rate limits and the response cache are off, so every request does the whole job.
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    chats: { type: "string", default: "50" },
    uploads: { type: "string", default: "5" },
    port: { type: "string", default: "3219" },
  },
});
const seconds = Math.min(600, Number(values.seconds));
const chatStreams = Math.min(500, Number(values.chats));
const uploadStreams = Math.min(50, Number(values.uploads));

const FIXTURES = ["handbook.pdf", "faq.html", "policies.docx", "onboarding.md"];
const QUESTIONS = (
  JSON.parse(readFileSync("tests/fixtures/eval-questions.json", "utf8")) as {
    questions: { question: string }[];
  }
).questions.map(({ question }) => question);

type Counts = Record<string, number>;
const count = (counts: Counts, key: string | number) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

async function upload(baseUrl: string, name: string, bytes: Uint8Array): Promise<Response> {
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${baseUrl}/api/sources`, { method: "POST", body: form });
}

async function waitUntilIngested(baseUrl: string, timeoutMs: number): Promise<Counts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { sources } = (await (await fetch(`${baseUrl}/api/sources`)).json()) as {
      sources: { status: string }[];
    };
    const statuses: Counts = {};
    for (const source of sources) count(statuses, source.status);
    if (!statuses.queued && !statuses.processing) return statuses;
    if (Date.now() > deadline) return statuses;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** One chat request, read to the end: its time to the first text and to the end, or why it failed. */
async function chatOnce(baseUrl: string, question: string) {
  const started = performance.now();
  let firstTokenMs: number | undefined;
  try {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: randomUUID(),
        message: { role: "user", parts: [{ type: "text", text: question }] },
      }),
    });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      return { outcome: String(response.status) };
    }
    let failed = false;
    const decoder = new TextDecoder();
    let buffered = "";
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffered += decoder.decode(read.value, { stream: true });
      if (firstTokenMs === undefined && buffered.includes('"type":"text-delta"')) {
        firstTokenMs = performance.now() - started;
      }
      if (buffered.includes('"type":"error"')) failed = true;
      // Keep only enough to find a marker split across two reads.
      buffered = buffered.slice(-200);
    }
    return { outcome: failed ? "stream-error" : "200", firstTokenMs, totalMs: performance.now() - started };
  } catch {
    return { outcome: "network-error" };
  }
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "docent-load-"));
  const server = await startAppServer(Number(values.port), {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
    RATE_LIMIT_PER_MINUTE: "0",
    RESPONSE_CACHE_TTL_SECONDS: "0",
  });
  let peakRssMb = processTreeRssMb(server.pid);
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, processTreeRssMb(server.pid));
  }, 250);

  try {
    for (const name of FIXTURES)
      await upload(server.baseUrl, name, readFileSync(path.join("tests/fixtures", name)));
    await waitUntilIngested(server.baseUrl, 120_000);
    const rssBeforeMb = processTreeRssMb(server.pid);

    const endAt = Date.now() + seconds * 1000;
    const chat = { statuses: {} as Counts, firstTokenMs: [] as number[], totalMs: [] as number[] };
    const uploads = { statuses: {} as Counts };
    let asked = 0;

    const chatLoop = async () => {
      while (Date.now() < endAt) {
        const result = await chatOnce(server.baseUrl, QUESTIONS[asked++ % QUESTIONS.length] as string);
        count(chat.statuses, result.outcome);
        if (result.firstTokenMs !== undefined) chat.firstTokenMs.push(result.firstTokenMs);
        if (result.totalMs !== undefined && result.outcome === "200") chat.totalMs.push(result.totalMs);
      }
    };
    const uploadLoop = async (stream: number) => {
      for (let n = 0; Date.now() < endAt; n += 1) {
        // Unique content each time, so every upload is a new source to ingest.
        const text = `# Load note ${stream}-${n}\n\n${QUESTIONS.join(" ")}\n\nNonce ${randomUUID()}.\n`;
        const outcome = await upload(
          server.baseUrl,
          `load-${stream}-${n}.md`,
          new TextEncoder().encode(text),
        ).then(
          async (response) => {
            await response.body?.cancel();
            return String(response.status);
          },
          () => "network-error",
        );
        count(uploads.statuses, outcome);
      }
    };
    const started = performance.now();
    await Promise.all([
      ...Array.from({ length: chatStreams }, chatLoop),
      ...Array.from({ length: uploadStreams }, (_, stream) => uploadLoop(stream)),
    ]);
    const elapsedSeconds = (performance.now() - started) / 1000;
    const ingest = await waitUntilIngested(server.baseUrl, 300_000);

    const total = (counts: Counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);
    const errors = (counts: Counts) =>
      Object.fromEntries(Object.entries(counts).filter(([status]) => !/^20\d$/.test(status)));
    console.log(
      JSON.stringify(
        {
          benchmark: "load",
          model: "offline/extractive",
          database: "pglite",
          machine: { cpus: os.availableParallelism(), node: process.version },
          seconds: Math.round(elapsedSeconds * 10) / 10,
          concurrency: { chatStreams, uploadStreams },
          chat: {
            requests: total(chat.statuses),
            perSecond: Math.round((total(chat.statuses) / elapsedSeconds) * 10) / 10,
            errorsByStatus: errors(chat.statuses),
            timeToFirstTokenMs: percentiles(chat.firstTokenMs),
            totalMs: percentiles(chat.totalMs),
          },
          upload: { requests: total(uploads.statuses), errorsByStatus: errors(uploads.statuses) },
          ingestAfterwards: ingest,
          server: { rssBeforeLoadMb: rssBeforeMb, peakRssMb },
        },
        null,
        2,
      ),
    );
  } finally {
    clearInterval(sampler);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
