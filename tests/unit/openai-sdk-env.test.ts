import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Imports a module in a fresh Node process (the SDK reads the environment once, on import). */
async function importWithEnv(modulePath: string, env: Record<string, string>) {
  return run(process.execPath, ["--import", "tsx", "-e", `await import(${JSON.stringify(modulePath)})`], {
    env: { ...process.env, ...env },
  });
}

describe("a blank OPENAI_BASE_URL (as a copied .env.example leaves it)", () => {
  it("makes @ai-sdk/openai throw when imported directly", async () => {
    await expect(importWithEnv("@ai-sdk/openai", { OPENAI_BASE_URL: " " })).rejects.toThrow(
      /baseURL must be a non-empty string/,
    );
  });

  it("is read as unset by the modules that make Docent's models", async () => {
    await expect(
      importWithEnv("./lib/ai/remote-embedder.ts", { OPENAI_BASE_URL: "" }),
    ).resolves.toBeDefined();
  });
});
