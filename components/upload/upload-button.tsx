"use client";

import { useId } from "react";
import { ACCEPTED_FILES } from "./accepted-files";
import { useUploads } from "./upload-provider";

/**
 * A button that opens the file picker (several files at once) and uploads what is picked. It is a
 * real, labelled file input, so keyboards and screen readers use it as such.
 *
 * @param className where the button sits in its container
 */
export function UploadButton({ className = "" }: { className?: string }) {
  const { addFiles, locale, t } = useUploads();
  const id = useId();
  return (
    <span lang={locale} className={`relative inline-flex ${className}`}>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        className="peer sr-only"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Cleared so that picking the same file again, e.g. after fixing it, fires a change.
          event.currentTarget.value = "";
          addFiles(files);
        }}
      />
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center gap-1.5 whitespace-nowrap rounded-md border border-neutral-300 bg-white px-2 py-1.5 sm:px-2.5 sm:py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-100 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200 dark:hover:bg-neutral-800 dark:peer-focus-visible:outline-blue-400"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10 2.5a.75.75 0 0 1 .53.22l3.5 3.5a.75.75 0 1 1-1.06 1.06l-2.22-2.22v7.19a.75.75 0 0 1-1.5 0V5.06L7.03 7.28a.75.75 0 0 1-1.06-1.06l3.5-3.5A.75.75 0 0 1 10 2.5ZM3.75 13a.75.75 0 0 1 .75.75v1.5c0 .14.11.25.25.25h10.5a.25.25 0 0 0 .25-.25v-1.5a.75.75 0 0 1 1.5 0v1.5A1.75 1.75 0 0 1 15.25 17H4.75A1.75 1.75 0 0 1 3 15.25v-1.5a.75.75 0 0 1 .75-.75Z" />
        </svg>
        {/* Icon only on phones, where the header is narrow; the text still names the control. */}
        <span className="sr-only sm:not-sr-only">{t("upload.button")}</span>
      </label>
    </span>
  );
}
