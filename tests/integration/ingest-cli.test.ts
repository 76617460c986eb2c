import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../helpers/temp-dir";

const run = promisify(execFile);

/** Runs `npm run ingest -- <args>` on an embedded database in `dataDir`. */
async function ingest(dataDir: string, args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
      env,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe("npm run ingest", () => {
  const temp = useTempDir("ingest-cli");

  it("ingests the named files, summarises each and exits 1 when any failed", async () => {
    const result = await ingest(temp.path, ["tests/fixtures/onboarding.md", "tests/fixtures/corrupt.pdf"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("1 ready, 1 failed");
    expect(result.stdout).toMatch(/ready {3}tests\/fixtures\/onboarding\.md: \d+ chunks?/);
    expect(result.stdout).toMatch(/FAILED {2}tests\/fixtures\/corrupt\.pdf: This file is not a readable PDF/);
  }, 120_000);

  it("exits 0 when every file is ready", async () => {
    const result = await ingest(temp.path, ["tests/fixtures/handbook.pdf"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 ready, 0 failed");
  }, 120_000);
});
