import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startAppServer } from "./bench/app-server";

// `npm run bench:page` (after `next build`): how much script the chat page's first load costs. Starts
// the production server on a free loopback port with a fresh embedded database and the offline
// model, fetches `/`, and sums the gzipped sizes (zlib's default level, as most servers and CDNs
// send them) of the `<script src>` files it references. Prints JSON.

/** A port nothing listens on right now, from the kernel. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The src of every `<script>` element in an HTML page, each once, in document order. */
function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*?\ssrc="([^"]+)"[^>]*>/g)].map((match) =>
    (match[1] as string).replaceAll("&amp;", "&"),
  );
  return [...new Set(sources)];
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "docent-bench-page-"));
  const server = await startAppServer(await freePort(), {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
  });
  try {
    const page = await fetch(`${server.baseUrl}/`);
    if (!page.ok) throw new Error(`GET / answered ${page.status}`);
    const files: { src: string; bytes: number; gzipBytes: number }[] = [];
    for (const src of scriptSources(await page.text())) {
      const response = await fetch(new URL(src, server.baseUrl));
      if (!response.ok) throw new Error(`GET ${src} answered ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      files.push({ src, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength });
    }
    const sum = (key: "bytes" | "gzipBytes") => files.reduce((total, file) => total + file[key], 0);
    console.log(
      JSON.stringify(
        {
          page: "/",
          scripts: files.length,
          bytes: sum("bytes"),
          gzipBytes: sum("gzipBytes"),
          gzipKiB: Math.round((sum("gzipBytes") / 1024) * 10) / 10,
          files: files.sort((a, b) => b.gzipBytes - a.gzipBytes),
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
