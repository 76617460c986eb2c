import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./tests/e2e/chromium";
import { SLOW_LLM_APP_ADMIN_PASSWORD, SLOW_LLM_APP_URL } from "./tests/e2e/servers";

const PORT = 3123;
const SLOW_APP_PORT = Number(new URL(SLOW_LLM_APP_URL).port);
const SLOW_LLM_PORT = 3126;

// One empty data folder per run, with a database for each app server. Workers load this file again;
// they inherit the folder through the environment instead of making their own.
process.env.DOCENT_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "docent-e2e-"));
const dataDir = process.env.DOCENT_E2E_DATA_DIR;

const serverEnv = {
  DATABASE_URL: "",
  OPENAI_API_KEY: "",
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_LEVEL: "warn",
};

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
      },
    },
  ],
  // Started in order: the second app server reuses the build the first one made.
  webServer: [
    {
      // The production build and server, as users run it: the embedded database in a fresh folder
      // and the offline answerer.
      command: `npm run build && node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv, DATA_DIR: path.join(dataDir, "offline"), OPENAI_BASE_URL: "" },
    },
    {
      // A slow OpenAI-compatible model at the network edge, for answers still on their way.
      command: "npx tsx tests/e2e/slow-llm-server.ts",
      port: SLOW_LLM_PORT,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { SLOW_LLM_PORT: String(SLOW_LLM_PORT) },
    },
    {
      // The same build answering with that model, on its own database. No response cache, so a
      // regenerated answer is a new one. An admin password, so sign-in is tested on a real server.
      command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${SLOW_APP_PORT}`,
      url: `${SLOW_LLM_APP_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...serverEnv,
        DATA_DIR: path.join(dataDir, "slow-llm"),
        OPENAI_BASE_URL: `http://127.0.0.1:${SLOW_LLM_PORT}/v1`,
        CHAT_MODEL: "slow-test-model",
        RESPONSE_CACHE_TTL_SECONDS: "0",
        ADMIN_PASSWORD: SLOW_LLM_APP_ADMIN_PASSWORD,
      },
    },
  ],
});
