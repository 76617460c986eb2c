import type { IngestStage, SourceStatus } from "@/db/schema";
import { readSource } from "./read-source";
import { sendFile } from "./send-file";

export type UploadPhase = "waiting" | "uploading" | "ingesting" | "ready" | "failed";

/** Why an upload failed: the server's own message, or a case the UI words itself. */
export type UploadError = { message: string } | { fallback: "network" | "server" | "ingest" };

/** One file in the upload list, from picked or dropped until ready or failed. */
export interface UploadItem {
  key: string;
  name: string;
  sizeBytes: number;
  phase: UploadPhase;
  /** Share of the request's bytes sent, 0–1. */
  sent: number;
  sourceId: string | null;
  status: SourceStatus | null;
  stage: IngestStage | null;
  /** Ingest progress the server reports, 0–1. */
  progress: number;
  error: UploadError | null;
  /** Whether sending the file again could succeed: not for a file the server refused as it is. */
  retryable: boolean;
}

export type UploadEvent =
  | { type: "added"; names: string[] }
  | { type: "ready"; name: string }
  | { type: "failed"; name: string; error: UploadError };

// More parallel requests would only queue behind the browser's six connections per host, which
// the status polls need too.
const MAX_PARALLEL_UPLOADS = 3;
const POLL_INTERVAL_MS = 500;

/** Where a file starts, and starts again on retry. */
const blankProgress = {
  phase: "waiting",
  sent: 0,
  sourceId: null,
  status: null,
  stage: null,
  progress: 0,
  error: null,
  retryable: false,
} satisfies Partial<UploadItem>;

const isSettled = (phase: UploadPhase) => phase === "ready" || phase === "failed";

/**
 * The uploads of one page session, outside React so they outlive the components showing them:
 * sends each file, then polls its source until ready or failed. Components read it through
 * `subscribe` and `getSnapshot` (useSyncExternalStore).
 */
export class UploadQueue {
  private items: UploadItem[] = [];
  private readonly files = new Map<string, File>();
  private readonly cancels = new Map<string, () => void>();
  private readonly listeners = new Set<() => void>();
  private nextKey = 1;

  constructor(private readonly onEvent: (event: UploadEvent) => void) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.items;

  add = (files: File[]) => {
    if (files.length === 0) return;
    const added = files.map((file) => {
      const key = `upload-${this.nextKey++}`;
      this.files.set(key, file);
      return { ...blankProgress, key, name: file.name, sizeBytes: file.size };
    });
    this.setItems([...added.reverse(), ...this.items]);
    this.onEvent({ type: "added", names: files.map((file) => file.name) });
    this.pump();
  };

  /** Sends a failed file again; for a source that failed to ingest, that queues it anew. */
  retry = (key: string) => {
    const item = this.find(key);
    if (item?.phase !== "failed" || !item.retryable) return;
    this.update(key, blankProgress);
    this.pump();
  };

  dismiss = (key: string) => {
    const item = this.find(key);
    if (!item || !isSettled(item.phase)) return;
    this.files.delete(key);
    this.setItems(this.items.filter((other) => other.key !== key));
  };

  /** Stops every request and poll, when the provider leaves the page. */
  dispose = () => {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
  };

  private find(key: string) {
    return this.items.find((item) => item.key === key);
  }

  private setItems(items: UploadItem[]) {
    this.items = items;
    for (const listener of this.listeners) listener();
  }

  private update(key: string, patch: Partial<UploadItem>) {
    this.setItems(this.items.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }

  private settle(key: string, patch: Partial<UploadItem> & { phase: "ready" | "failed" }) {
    this.cancels.delete(key);
    this.update(key, patch);
    const item = this.find(key);
    if (!item) return;
    this.onEvent(
      patch.phase === "failed" && item.error
        ? { type: "failed", name: item.name, error: item.error }
        : { type: "ready", name: item.name },
    );
  }

  /** Starts waiting files, oldest first, while fewer than the limit are sending. */
  private pump() {
    const sending = this.items.filter((item) => item.phase === "uploading").length;
    const waiting = this.items.filter((item) => item.phase === "waiting").reverse();
    for (const item of waiting.slice(0, Math.max(0, MAX_PARALLEL_UPLOADS - sending))) this.send(item.key);
  }

  private send(key: string) {
    const file = this.files.get(key);
    if (!file) return;
    this.update(key, { phase: "uploading" });
    let cancelled = false;
    const { done, abort } = sendFile(file, (sent) => this.update(key, { sent }));
    this.cancels.set(key, () => {
      cancelled = true;
      abort();
    });
    void done.then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        const error: UploadError =
          "unreachable" in result
            ? { fallback: "network" }
            : result.message
              ? { message: result.message }
              : { fallback: "server" };
        // Too large, empty or not a document stays so; busy, down or unreachable may pass later.
        const retryable = "unreachable" in result || result.httpStatus === 429 || result.httpStatus >= 500;
        this.settle(key, { phase: "failed", error, retryable });
      } else if (result.source.status === "ready") {
        // The same content was uploaded before and is already indexed.
        this.settle(key, { phase: "ready", name: result.source.name, sent: 1, progress: 1 });
      } else {
        this.update(key, {
          phase: "ingesting",
          sent: 1,
          name: result.source.name,
          sourceId: result.source.id,
          status: result.source.status,
        });
        this.watch(key, result.source.id);
      }
      this.pump();
    });
  }

  /** Polls the source every half second until it is ready or failed, or until cancelled. */
  private watch(key: string, id: string) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.cancels.set(key, () => {
      clearTimeout(timer);
      controller.abort();
    });
    const look = async () => {
      const result = await readSource(id, controller.signal);
      if (controller.signal.aborted) return;
      if (result.kind === "gone") {
        this.settle(key, {
          phase: "failed",
          error: result.message ? { message: result.message } : { fallback: "server" },
          retryable: true,
        });
        return;
      }
      if (result.kind === "source") {
        const { status, stage, progress, error } = result.source;
        if (status === "ready") {
          this.settle(key, { phase: "ready", status, stage: null, progress: 1 });
          return;
        }
        if (status === "failed") {
          this.settle(key, {
            phase: "failed",
            status,
            error: error ? { message: error } : { fallback: "ingest" },
            retryable: true,
          });
          return;
        }
        this.update(key, { status, stage, progress });
      }
      timer = setTimeout(look, POLL_INTERVAL_MS);
    };
    timer = setTimeout(look, POLL_INTERVAL_MS);
  }
}
