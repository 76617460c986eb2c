"use client";

import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { Locale } from "@/lib/i18n/locale";
import { type UploadError, type UploadEvent, type UploadItem, UploadQueue } from "./upload-queue";
import { type UploadStrings, type UploadTranslate, uploadTranslator } from "./upload-strings";

interface UploadContextValue {
  uploads: UploadItem[];
  addFiles: (files: File[]) => void;
  retry: (key: string) => void;
  dismiss: (key: string) => void;
  locale: Locale;
  t: UploadTranslate;
}

const UploadContext = createContext<UploadContextValue | null>(null);
const NO_UPLOADS: UploadItem[] = [];

/** An upload error in words: the server's message as it is, else the UI's own. */
export function describeError(error: UploadError, t: UploadTranslate): string {
  return "message" in error ? error.message : t(`upload.error.${error.fallback}`);
}

/**
 * Holds the page session's uploads and the upload strings. Mount it in a layout above every page
 * that shows uploads, so files keep uploading and indexing while the user navigates client-side.
 *
 * @param locale the UI language, for byte counts
 * @param strings the upload strings of that language (lib/i18n/upload.ts), from a server component
 */
export function UploadProvider({
  locale,
  strings,
  children,
}: {
  locale: Locale;
  strings: UploadStrings;
  children: ReactNode;
}) {
  const t = useMemo(() => uploadTranslator(strings), [strings]);
  const latestT = useRef(t);
  const [announcement, setAnnouncement] = useState("");
  const [queue] = useState(
    () => new UploadQueue((event: UploadEvent) => setAnnouncement(announce(event, latestT.current))),
  );
  const uploads = useSyncExternalStore(queue.subscribe, queue.getSnapshot, () => NO_UPLOADS);

  useEffect(() => {
    latestT.current = t;
  }, [t]);
  useEffect(() => queue.dispose, [queue]);

  const value = useMemo(
    () => ({ uploads, addFiles: queue.add, retry: queue.retry, dismiss: queue.dismiss, locale, t }),
    [uploads, queue, locale, t],
  );
  return (
    <UploadContext value={value}>
      {/* Says when files start, finish or fail; each progress tick would drown a screen reader. */}
      <div role="status" aria-live="polite" lang={locale} className="sr-only">
        {announcement}
      </div>
      {children}
    </UploadContext>
  );
}

function announce(event: UploadEvent, t: UploadTranslate): string {
  if (event.type === "added") return t("upload.announce.added", { names: event.names.join(", ") });
  if (event.type === "ready") return t("upload.announce.ready", { name: event.name });
  return t("upload.announce.failed", { name: event.name, error: describeError(event.error, t) });
}

/** The uploads and their actions; for components inside UploadProvider. */
export function useUploads(): UploadContextValue {
  const value = useContext(UploadContext);
  if (!value) throw new Error("useUploads needs an UploadProvider above it");
  return value;
}
