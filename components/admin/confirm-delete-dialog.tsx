import { useEffect, useId, useRef, useState } from "react";
import type { AdminTranslate } from "./admin-strings";
import type { SourceRow } from "./source-row";
import { buttonClass, dangerButtonClass } from "./styles";

/**
 * Asks before a source is deleted, in a modal <dialog>: focus starts on Cancel (the first control) and
 * stays inside, Escape cancels. A failed delete keeps the dialog open with the server's message.
 */
export function ConfirmDeleteDialog({
  source,
  t,
  onConfirm,
  onDeleted,
  onClose,
}: {
  source: SourceRow | null;
  t: AdminTranslate;
  onConfirm: (source: SourceRow) => Promise<void>;
  /** Runs once the dialog has closed after a delete, e.g. to move focus off the row that went away. */
  onDeleted: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (source && !element.open) {
      setError(null);
      element.showModal();
    } else if (!source && element.open) {
      element.close();
    }
  }, [source]);

  async function confirm() {
    if (!source) return;
    setWorking(true);
    setError(null);
    try {
      await onConfirm(source);
      // Closed here rather than by the effect, so focus is free to move before the next render.
      dialog.current?.close();
      onDeleted();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setWorking(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-black/40 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      {source ? (
        <>
          <h2 id={titleId} className="text-lg font-semibold wrap-break-word">
            {t("admin.delete.title", { name: source.name })}
          </h2>
          <p id={bodyId} className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
            {t("admin.delete.body", { chunks: source.chunkCount })}
          </p>
          {error ? (
            <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" onClick={onClose} className={buttonClass}>
              {t("admin.delete.cancel")}
            </button>
            <button type="button" onClick={confirm} disabled={working} className={dangerButtonClass}>
              {working ? t("admin.delete.working") : t("admin.delete.confirm")}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
