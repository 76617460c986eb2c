import { type ChildProcess, spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import type { DatabaseConnection, DatabaseLocation } from "@/db/database";
import { acceptUploads } from "@/lib/ingest/accept-uploads";
import { createScratchPostgresDatabase } from "../helpers/scratch-postgres";
import { useTempDir } from "../helpers/temp-dir";

const LOCAL_EMBEDDING = { model: "local/universal-sentence-encoder-lite", dimensions: 512 };
const LEASE_MS = 2_000;

/** A plain-text document long enough (~100 chunks) that its embedding takes several seconds. */
function longDocument(): Uint8Array {
  const paragraphs = Array.from(
    { length: 600 },
    (_, i) =>
      `Paragraph ${i}: the quarterly review of project ${i % 17} covered budget, staffing and the delivery schedule. ` +
      `Item ${i} was approved after the team answered questions about risk number ${i * 7}.`,
  );
  return new TextEncoder().encode(paragraphs.join("\n\n"));
}

/** Starts `npm run worker` as its own process against the given database. */
function startWorker(location: DatabaseLocation, args: string[] = []) {
  const env = {
    ...process.env,
    LOG_LEVEL: "info",
    DATABASE_URL: location.kind === "postgres" ? location.url : "",
    DATA_DIR: location.kind === "pglite" ? (location.dataDir as string) : "",
  };
  // Node with tsx as a loader, not the tsx command: that would run the worker in a grandchild process
  // which a SIGKILL to the child would leave running.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/worker.ts", "--lease-ms", String(LEASE_MS), ...args],
    { env },
  );
  let output = "";
  child.stdout.on("data", (data: Buffer) => {
    output += data.toString();
  });
  child.stderr.on("data", (data: Buffer) => {
    output += data.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 90_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function sourceState(connection: DatabaseConnection) {
  const result = await connection.db.execute<{
    status: string;
    stage: string | null;
    progress: number;
    attempts: number;
    chunk_count: number;
    chunks: number;
    ordinals: number;
  }>(sql`
    select status, stage, progress, attempts, chunk_count,
      (select count(*)::int from chunks) as chunks,
      (select count(distinct (source_id, ordinal))::int from chunks) as ordinals
    from sources`);
  const [row] = result.rows;
  if (!row) throw new Error("no source");
  return row;
}

async function uploadLongDocument(connection: DatabaseConnection) {
  await acceptUploads({
    db: connection.db,
    files: [{ name: "minutes.txt", bytes: longDocument() }],
    maxUploadBytes: 10 * 1024 * 1024,
  });
}

/** Finished ingesting the long document with every chunk stored exactly once. */
function expectEachChunkOnce(state: Awaited<ReturnType<typeof sourceState>>): void {
  expect(state.chunks).toBeGreaterThan(50);
  expect(state.chunk_count).toBe(state.chunks);
  expect(state.ordinals).toBe(state.chunks);
}

/** Runs `test` on a fresh database on the TEST_DATABASE_URL server, dropped afterwards. */
async function withScratchPostgres(
  test: (location: DatabaseLocation, connection: DatabaseConnection) => Promise<void>,
): Promise<void> {
  const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL as string);
  const location: DatabaseLocation = { kind: "postgres", url: scratch.url };
  const connection = await openDatabase({ location, embedding: LOCAL_EMBEDDING });
  try {
    await test(location, connection);
  } finally {
    await connection.close();
    await scratch.drop();
  }
}

describe("a worker killed in the middle of a job", () => {
  const workers: ChildProcess[] = [];
  const temp = useTempDir("crash");

  afterEach(() => {
    for (const worker of workers.splice(0)) worker.kill("SIGKILL");
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "leaves its job to the next worker, which finishes it without duplicate chunks [postgres]",
    async () => {
      await withScratchPostgres(async (location, connection) => {
        await uploadLongDocument(connection);

        const first = startWorker(location);
        workers.push(first.child);
        await waitFor("the first worker to be embedding", async () => {
          const state = await sourceState(connection);
          return state.stage === "embedding" && state.progress > 0.2 ? state : undefined;
        });
        first.child.kill("SIGKILL");
        await first.exited;

        const interrupted = await sourceState(connection);
        expect(interrupted).toMatchObject({ status: "processing", attempts: 1, chunks: 0 });

        // Once the dead worker's lease has run out, the next worker takes the job over.
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 500));
        const second = startWorker(location, ["--once"]);
        workers.push(second.child);
        expect(await second.exited, second.output()).toBe(0);

        const finished = await sourceState(connection);
        expect(finished.status).toBe("ready");
        expect(finished.attempts).toBe(2);
        expectEachChunkOnce(finished);
      });
    },
    180_000,
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "killed while storing, then again while embedding, still ends with each chunk once [postgres]",
    async () => {
      await withScratchPostgres(async (location, connection) => {
        await uploadLongDocument(connection);
        // Storing is the short stage where chunks are written: a kill there must leave none behind.
        for (const stage of ["storing", "embedding"]) {
          const worker = startWorker(location);
          workers.push(worker.child);
          await waitFor(
            `a worker to be ${stage}`,
            async () => ((await sourceState(connection)).stage === stage ? true : undefined),
            120_000,
            5,
          );
          worker.child.kill("SIGKILL");
          await worker.exited;
          const interrupted = await sourceState(connection);
          expect(interrupted, `killed while ${stage}`).toMatchObject({ status: "processing", chunks: 0 });
          await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 500));
        }

        const last = startWorker(location, ["--once"]);
        workers.push(last.child);
        expect(await last.exited, last.output()).toBe(0);
        const finished = await sourceState(connection);
        expect(finished).toMatchObject({ status: "ready", attempts: 3 });
        expectEachChunkOnce(finished);
      });
    },
    300_000,
  );

  it("is picked up again when the app restarts on the embedded database [pglite]", async () => {
    const location: DatabaseLocation = { kind: "pglite", dataDir: temp.path };
    const setup = await openDatabase({ location, embedding: LOCAL_EMBEDDING });
    await uploadLongDocument(setup);
    await setup.close();

    // PGlite serves one process, so the test cannot watch progress while the worker runs: kill it
    // a few seconds into the job instead.
    const first = startWorker(location);
    workers.push(first.child);
    await waitFor("the first worker to start", async () =>
      first.output().includes("Ingest worker started") ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    first.child.kill("SIGKILL");
    await first.exited;

    // The killed process's lock on the folder goes stale; the next start waits for that, then recovers.
    const second = startWorker(location, ["--once"]);
    workers.push(second.child);
    expect(await second.exited, second.output()).toBe(0);

    const connection = await openDatabase({ location, embedding: LOCAL_EMBEDDING });
    try {
      const finished = await sourceState(connection);
      expect(finished.status).toBe("ready");
      expectEachChunkOnce(finished);
    } finally {
      await connection.close();
    }
  }, 180_000);
});
