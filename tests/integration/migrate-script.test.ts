import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../helpers/temp-dir";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** Runs `npm run db:migrate`'s script with exactly the given Docent settings. */
async function migrate(env: Record<string, string>) {
  const baseEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
  } as const;
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/migrate.ts"], { env: { ...baseEnv, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run db:migrate", () => {
  const temp = useTempDir("migrate", "all");

  it("migrates the embedded database, and again without complaint", async () => {
    const dataDir = temp.path;
    const first = await migrate({ DATA_DIR: dataDir });
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain(`Database migrated (PGlite in ${dataDir})`);

    const second = await migrate({ DATA_DIR: dataDir });
    expect(second).toMatchObject({ code: 0, stderr: "" });
  });

  it("stops with one line naming a bad variable, and exit code 1", async () => {
    const result = await migrate({ DATA_DIR: temp.path, MAX_UPLOAD_MB: "lots" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: MAX_UPLOAD_MB must be a whole number of megabytes (got "lots")',
    );
  });
});
