// Reads a PDF's text runs with pdf.js in a worker thread, so that a hostile or broken PDF (endless
// loops, huge allocations) costs only this thread: the parent bounds its time and memory and
// terminates it, and the server and its other jobs carry on.
//
// Plain JavaScript on purpose, like local-embedding-worker.mjs: Next.js, tsx and Vitest all load it
// unchanged with `new Worker(path)`.
//
// Protocol: receives `{ bytes: Uint8Array, maxPages: number }`; answers
// `{ pages: (TextRun[] | null)[] }` (null for a page that could not be read), or
// `{ error: { name, message } }` when the document does not open, or `{ tooManyPages: number }`.

import { parentPort } from "node:worker_threads";
import { getDocumentProxy } from "unpdf";

if (!parentPort) throw new Error("pdf-text-worker.mjs must run in a worker thread");
const port = parentPort;

async function runsOfPage(pdf, pageNumber) {
  const page = await pdf.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const runs = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
      runs.push({
        text: item.str,
        x,
        y,
        width: item.width,
        fontSize: Math.hypot(c, d) || item.height,
        endsLine: item.hasEOL,
      });
    }
    return runs;
  } finally {
    page.cleanup();
  }
}

async function read({ bytes, maxPages }) {
  let pdf;
  try {
    // Verbosity 0 is errors only: pdf.js otherwise warns on the console about every font quirk.
    pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (error) {
    return { error: { name: error?.name ?? "Error", message: String(error?.message ?? error) } };
  }
  try {
    if (pdf.numPages > maxPages) return { tooManyPages: pdf.numPages };
    const pages = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      // One damaged page should not cost the rest of the document.
      pages.push(await runsOfPage(pdf, pageNumber).catch(() => null));
    }
    return { pages };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

port.once("message", async (request) => {
  port.postMessage(await read(request));
});
