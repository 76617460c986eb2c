"use client";

import { UploadItemRow } from "./upload-item";
import { useUploads } from "./upload-provider";

/**
 * The files being uploaded and indexed, newest first, each with its progress until ready or failed;
 * a finished file can be dismissed, a failed one retried. Renders nothing while there are none.
 *
 * @param className where the list sits in its container
 */
export function UploadList({ className = "" }: { className?: string }) {
  const { uploads, locale, t, retry, dismiss } = useUploads();
  if (uploads.length === 0) return null;
  return (
    <section lang={locale} aria-label={t("upload.list.label")} className={className}>
      <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900">
        {uploads.map((item) => (
          <UploadItemRow
            key={item.key}
            item={item}
            locale={locale}
            t={t}
            onRetry={() => retry(item.key)}
            onDismiss={() => dismiss(item.key)}
          />
        ))}
      </ul>
    </section>
  );
}
