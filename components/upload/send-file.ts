import type { SourceStatus } from "@/db/schema";

export interface AcceptedSource {
  id: string;
  name: string;
  status: SourceStatus;
}

export type SendResult =
  | { ok: true; source: AcceptedSource }
  /** `message` is the server's JSON error message, written for people; null when it sent none. */
  | { ok: false; httpStatus: number; message: string | null }
  | { ok: false; unreachable: true };

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** The server's `{ error: { message } }`, or null for a body that is not that (a proxy's HTML page). */
function errorMessage(body: unknown): string | null {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" && message ? message : null;
}

/**
 * Posts one file to POST /api/sources. XMLHttpRequest rather than fetch because only it reports
 * upload progress; one request per file, so each file has its own bytes and its own error.
 */
export function sendFile(
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<SendResult>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<SendResult>((resolve) => {
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      const source = (body as { sources?: AcceptedSource[] } | null)?.sources?.[0];
      resolve(
        request.status === 202 && source
          ? { ok: true, source }
          : { ok: false, httpStatus: request.status, message: errorMessage(body) },
      );
    };
    request.onerror = () => resolve({ ok: false, unreachable: true });
    const form = new FormData();
    form.append("files", file);
    request.open("POST", "/api/sources");
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}
