import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

/** Starts the built app with the given settings and collects what it prints until it exits. */
function startServer(env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => {
    stderr += data.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

test("a bad setting stops the server at start-up with one line naming it", async () => {
  const server = startServer({ MAX_UPLOAD_MB: "abc" }, 3124);
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 30_000);
  const code = await server.exited;
  clearTimeout(timer);

  expect(code).toBe(1);
  expect(server.stderr()).toContain(
    'Invalid configuration: MAX_UPLOAD_MB must be a whole number of megabytes (got "abc")',
  );
});
