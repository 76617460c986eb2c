import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface AppServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The production server (`next start`) on a loopback port with the given environment, built first
 * when there is no build yet; resolves once /api/health answers ok.
 */
export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build yet: running `npm run build` first…");
    // Its log goes to stderr: stdout is for the benchmark's JSON.
    const build = spawnSync("npm", ["run", "build"], {
      stdio: ["ignore", process.stderr, process.stderr],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (tries > 600) throw new Error("the server did not become healthy within a minute");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    pid: child.pid as number,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
