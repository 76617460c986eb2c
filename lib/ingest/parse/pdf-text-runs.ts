import path from "node:path";
import { Worker } from "node:worker_threads";
import { ParseError } from "../blocks";
import type { PdfTextRun } from "./pdf-layout";

/** How much one PDF may cost to read. Ordinary documents use a small fraction of each. */
export interface PdfReadLimits {
  maxPages: number;
  timeoutMs: number;
  maxHeapMb: number;
}

export const PDF_LIMITS: PdfReadLimits = { maxPages: 5_000, timeoutMs: 120_000, maxHeapMb: 1_024 };

export const NOT_READABLE =
  "This file is not a readable PDF: it may be damaged or incomplete. Try saving or exporting it again.";
const PASSWORD_PROTECTED =
  "This PDF is password-protected. Remove the password (for example by saving an unprotected copy) and upload it again.";

type WorkerReply =
  | { pages: (PdfTextRun[] | null)[] }
  | { tooManyPages: number }
  | { error: { name: string; message: string } };

// Next.js bundles lib/, so import.meta.url would point into .next/; the app always runs from the repo root.
const WORKER_PATH = path.join(process.cwd(), "lib", "ingest", "parse", "pdf-text-worker.mjs");

/**
 * The text runs of each page of a PDF (null for a page that could not be read), read by pdf.js in
 * a worker thread of its own that is stopped when it takes too long or needs too much memory, so a
 * hostile PDF fails its own job and nothing else.
 */
export async function readPdfTextRuns(
  bytes: Uint8Array,
  limits: PdfReadLimits = PDF_LIMITS,
): Promise<(PdfTextRun[] | null)[]> {
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(WORKER_PATH, {
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settle();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ParseError(
              `This PDF took more than ${Math.round(limits.timeoutMs / 1000)} seconds to read, so reading it was stopped. It may be damaged or built to be slow to read.`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once("message", (message: WorkerReply) => finish(() => resolve(message)));
    worker.once("error", (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new ParseError(
                `Reading this PDF needed more than ${limits.maxHeapMb} MB of memory, so it was stopped. It may be damaged or built to exhaust memory.`,
                { cause: error },
              )
            : new ParseError(NOT_READABLE, { cause: error }),
        ),
      ),
    );
    worker.once("exit", (code) =>
      finish(() =>
        reject(new ParseError(NOT_READABLE, { cause: new Error(`PDF worker exited with ${code}`) })),
      ),
    );
    // pdf.js takes ownership of (detaches) the buffer it is given: send a copy.
    worker.postMessage({ bytes: new Uint8Array(bytes), maxPages: limits.maxPages });
  });

  if ("tooManyPages" in reply) {
    throw new ParseError(
      `This PDF has ${reply.tooManyPages} pages; Docent reads PDFs of up to ${limits.maxPages} pages. Split it and upload the parts.`,
    );
  }
  if ("error" in reply) {
    const cause = Object.assign(new Error(reply.error.message), { name: reply.error.name });
    throw new ParseError(reply.error.name === "PasswordException" ? PASSWORD_PROTECTED : NOT_READABLE, {
      cause,
    });
  }
  return reply.pages;
}
