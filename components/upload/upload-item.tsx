import { buttonClass } from "@/components/admin/styles";
import { formatBytes } from "@/components/ui/format-bytes";
import type { Locale } from "@/lib/i18n/locale";
import { describeError } from "./upload-provider";
import type { UploadItem } from "./upload-queue";
import type { UploadTranslate } from "./upload-strings";

const BAR: Record<UploadItem["phase"], string> = {
  waiting: "bg-neutral-400 dark:bg-neutral-500",
  uploading: "bg-blue-600 dark:bg-blue-400",
  ingesting: "bg-blue-600 dark:bg-blue-400",
  ready: "bg-green-600 dark:bg-green-400",
  failed: "bg-red-600 dark:bg-red-400",
};

/** Where a file is, in words: bytes sent while uploading, then the ingest status and stage. */
function describePhase(item: UploadItem, locale: Locale, t: UploadTranslate): string {
  switch (item.phase) {
    case "waiting":
      return t("upload.phase.waiting");
    case "uploading":
      return `${t("upload.phase.uploading")} · ${t("upload.bytes", {
        loaded: formatBytes(item.sent * item.sizeBytes, locale),
        total: formatBytes(item.sizeBytes, locale),
      })}`;
    case "ingesting": {
      const status = t(`upload.status.${item.status ?? "queued"}`);
      const stage = item.stage ? ` · ${t(`upload.stage.${item.stage}`)}` : "";
      return `${status}${stage} · ${Math.round(item.progress * 100)}%`;
    }
    default:
      return t(`upload.status.${item.phase}`);
  }
}

/** One file of the upload list: name, size, where it is, a progress bar, and its error or actions. */
export function UploadItemRow({
  item,
  locale,
  t,
  onRetry,
  onDismiss,
}: {
  item: UploadItem;
  locale: Locale;
  t: UploadTranslate;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const settled = item.phase === "ready" || item.phase === "failed";
  const fraction = item.phase === "uploading" ? item.sent : item.progress;
  const percent = Math.round(fraction * 100);
  return (
    <li className="flex flex-col gap-1.5 px-3 py-2.5">
      <div className="flex items-center gap-3">
        <div className="flex min-w-0 flex-1 flex-col">
          <span className="truncate text-sm font-medium" title={item.name}>
            {item.name}
          </span>
          <span
            className={`text-xs ${
              item.phase === "failed"
                ? "font-medium text-red-700 dark:text-red-400"
                : item.phase === "ready"
                  ? "font-medium text-green-800 dark:text-green-300"
                  : "text-neutral-600 dark:text-neutral-400"
            }`}
          >
            {describePhase(item, locale, t)}
            <span className="text-neutral-600 dark:text-neutral-400">
              {" "}
              · {formatBytes(item.sizeBytes, locale)}
            </span>
          </span>
        </div>
        {item.phase === "failed" && item.retryable ? (
          <button
            type="button"
            aria-label={t("upload.action.retry", { name: item.name })}
            className={buttonClass}
            onClick={onRetry}
          >
            {t("upload.retry")}
          </button>
        ) : null}
        {settled ? (
          <button
            type="button"
            aria-label={t("upload.action.dismiss", { name: item.name })}
            className={`${buttonClass} px-1.5`}
            onClick={onDismiss}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        ) : null}
      </div>
      {settled ? null : (
        <div
          role="progressbar"
          aria-label={t(item.phase === "ingesting" ? "upload.progress.ingest" : "upload.progress.upload", {
            name: item.name,
          })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1.5 w-full overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
        >
          <div
            className={`h-full rounded-full transition-[width] ${BAR[item.phase]}`}
            style={{ width: `${percent}%` }}
          />
        </div>
      )}
      {item.error ? (
        <p className="text-sm break-words text-red-700 dark:text-red-400">{describeError(item.error, t)}</p>
      ) : null}
    </li>
  );
}
