import { afterAll, beforeAll, vi } from "vitest";
import type { DatabaseKind } from "@/db/database";
import { readFixture } from "../fixtures/read-fixture";
import { createScratchPostgresDatabase } from "./scratch-postgres";
import { useTempDir } from "./temp-dir";

/** The databases a route suite runs on: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export const DATABASE_TARGETS = [
  { kind: "pglite", available: true },
  { kind: "postgres", available: Boolean(process.env.TEST_DATABASE_URL) },
] as const satisfies readonly { kind: DatabaseKind; available: boolean }[];

/** The modules every suite needs to upload files and to shut the app down afterwards. */
async function loadAppModules() {
  return {
    sources: await import("@/app/api/sources/route"),
    sourceQueries: await import("@/db/queries/sources"),
    worker: await import("@/lib/ingest/in-process-worker"),
    providers: await import("@/lib/ai/providers"),
    database: await import("@/lib/database"),
  };
}

export interface AppUnderTest<T> {
  /** The suite's own modules, loaded after the environment was set; valid inside tests and hooks. */
  readonly modules: T;
  /** Uploads fixture files through POST /api/sources and waits until each is ingested; ids by file name. */
  uploadFixtures(names: string[]): Promise<Record<string, string>>;
  /** The same for files made by the test. */
  uploadFiles(files: { name: string; bytes: Uint8Array }[]): Promise<Record<string, string>>;
}

/**
 * The app as a suite's route handlers see it: an empty data folder, a fresh database of the given
 * kind, no LLM configured unless `env` says otherwise, and the route modules loaded afresh so they
 * read that environment. Everything is closed and removed after the suite.
 */
export function useAppUnderTest<T>(
  kind: DatabaseKind,
  {
    env = {},
    load,
    databaseUrl = (url) => url,
  }: {
    env?: Record<string, string | undefined>;
    load: () => Promise<T>;
    /** Changes the scratch Postgres database's URL, e.g. to reach it through a proxy. */
    databaseUrl?: (url: string) => string;
  },
): AppUnderTest<T> {
  const temp = useTempDir(`app-${kind}`, "all");
  let app: Awaited<ReturnType<typeof loadAppModules>> | undefined;
  let modules: T | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    vi.stubEnv("DATA_DIR", temp.path);
    vi.stubEnv("OPENAI_API_KEY", undefined);
    vi.stubEnv("OPENAI_BASE_URL", undefined);
    vi.stubEnv("CHAT_MODEL", undefined);
    vi.stubEnv("ADMIN_PASSWORD", undefined);
    // Suites send many requests from one address; the suite that tests the limit sets its own.
    vi.stubEnv("RATE_LIMIT_PER_MINUTE", "0");
    if (kind === "postgres") {
      const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL as string);
      dropDatabase = scratch.drop;
      vi.stubEnv("DATABASE_URL", databaseUrl(scratch.url));
    } else {
      vi.stubEnv("DATABASE_URL", "");
    }
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.resetModules();
    app = await loadAppModules();
    modules = await load();
  });

  afterAll(async () => {
    await app?.worker.stopInProcessIngestWorker();
    await app?.providers.closeEmbedder();
    await app?.database.closeDatabase();
    await dropDatabase?.();
    vi.unstubAllEnvs();
  });

  async function waitUntilReady(id: string): Promise<void> {
    if (!app) throw new Error("The app exists only inside tests and hooks");
    const { db } = await app.database.getDatabase();
    for (let tries = 0; tries < 1_200; tries += 1) {
      const source = await app.sourceQueries.getSourceById({ db, id });
      if (source?.status === "ready") return;
      if (source?.status === "failed") throw new Error(`source ${id} failed: ${source.error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`source ${id} did not finish ingesting`);
  }

  return {
    get modules() {
      if (!modules) throw new Error("The app exists only inside tests and hooks");
      return modules;
    },
    uploadFixtures(names) {
      return this.uploadFiles(names.map((name) => ({ name, bytes: new Uint8Array(readFixture(name)) })));
    },
    async uploadFiles(files) {
      if (!app) throw new Error("The app exists only inside tests and hooks");
      const form = new FormData();
      for (const { name, bytes } of files) form.append("files", new Blob([new Uint8Array(bytes)]), name);
      const response = await app.sources.POST(
        new Request("http://localhost/api/sources", { method: "POST", body: form }),
      );
      if (response.status !== 202)
        throw new Error(`upload failed with ${response.status}: ${await response.text()}`);
      const { sources } = (await response.json()) as { sources: { id: string; name: string }[] };
      for (const { id } of sources) await waitUntilReady(id);
      return Object.fromEntries(sources.map(({ id, name }) => [name, id]));
    },
  };
}
