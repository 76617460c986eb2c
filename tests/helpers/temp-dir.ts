import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

/**
 * An empty folder under the system's temp dir, made before each test (or once for the suite) and
 * removed after; read `.path` inside tests and hooks.
 */
export function useTempDir(prefix: string, scope: "each" | "all" = "each"): { readonly path: string } {
  let dir: string | undefined;
  const [before, after] = scope === "each" ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), `docent-${prefix}-`));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get path() {
      if (!dir) throw new Error("The temp folder exists only inside tests and hooks");
      return dir;
    },
  };
}
