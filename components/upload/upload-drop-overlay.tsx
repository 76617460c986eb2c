"use client";

import { useEffect, useState } from "react";
import { useUploads } from "./upload-provider";

/** Only drags of files from the desktop: dragging text or a link around the page is not an upload. */
const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

/**
 * Lets files be dropped anywhere on the page, and covers the page with a message while they are
 * dragged over it. Listens on the window, so it needs no place in the layout; render it once, on the
 * pages that take uploads. No props.
 */
export function UploadDropOverlay() {
  const { addFiles, locale, t } = useUploads();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Every element the pointer crosses fires its own dragenter and dragleave; counting them keeps
    // the overlay up until the drag has left the window, instead of flickering at each border.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      addFiles(Array.from(event.dataTransfer?.files ?? []));
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragover", onOver);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("drop", onDrop);
    };
  }, [addFiles]);

  if (!dragging) return null;
  return (
    // Lets drag events through to the page beneath, so the counting above sees them all.
    <div
      lang={locale}
      className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-white/80 p-4 backdrop-blur-sm dark:bg-neutral-950/80"
    >
      <div className="flex w-full max-w-md flex-col items-center gap-3 rounded-2xl border-2 border-dashed border-blue-600 bg-white px-6 py-10 text-center shadow-lg dark:border-blue-400 dark:bg-neutral-900">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-10 text-blue-600 dark:text-blue-400"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
        >
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2"
          />
        </svg>
        <p className="text-lg font-semibold">{t("upload.overlay.title")}</p>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{t("upload.overlay.hint")}</p>
      </div>
    </div>
  );
}
