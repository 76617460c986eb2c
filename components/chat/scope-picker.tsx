"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { callJson } from "@/components/ui/read-api-error";
import { buttonClass, focusRing } from "@/components/ui/styles";

interface ReadySource {
  id: string;
  name: string;
  status: string;
}

type Loaded =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "ready"; sources: ReadySource[] };

/**
 * Chooses the sources a conversation may answer from: all of them (null, the default) or the ones
 * ticked. Lists the ready sources each time it opens, so a file uploaded a moment ago is there.
 */
export function ScopePicker({
  value,
  onChange,
}: {
  value: string[] | null;
  onChange: (sourceIds: string[] | null) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setLoaded({ state: "loading" });
    callJson<{ sources: ReadySource[] }>("/api/sources", {}, t("chat.error.unreachable")).then(
      (body) => {
        if (current) {
          setLoaded({ state: "ready", sources: (body?.sources ?? []).filter((s) => s.status === "ready") });
        }
      },
      (error: Error) => current && setLoaded({ state: "failed", message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [open, t]);

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener("keydown", closeOnEscape);
    return () => window.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function toggle(id: string, checked: boolean, all: ReadySource[]) {
    const chosen = new Set(value ?? all.map((source) => source.id));
    if (checked) chosen.add(id);
    else chosen.delete(id);
    // Every source ticked (or none: nothing to answer from) means the default, all sources.
    onChange(chosen.size === 0 || chosen.size === all.length ? null : [...chosen]);
  }

  const scope = value === null ? t("chat.scope.all") : t("chat.scope.some", { count: value.length });
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
        className={buttonClass}
      >
        {t("chat.scope.button", { scope })}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute bottom-full left-0 z-20 mb-2 w-80 max-w-[calc(100vw-1.5rem)] rounded-lg border border-neutral-200 bg-white p-3 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
        >
          <fieldset>
            <legend className="mb-2 text-sm font-semibold">{t("chat.scope.legend")}</legend>
            {loaded.state === "loading" ? (
              <p className="text-sm text-neutral-600 dark:text-neutral-400">{t("chat.scope.loading")}</p>
            ) : loaded.state === "failed" ? (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {t("chat.scope.failed", { message: loaded.message })}
              </p>
            ) : loaded.sources.length === 0 ? (
              <p className="text-sm text-neutral-600 dark:text-neutral-400">{t("chat.scope.empty")}</p>
            ) : (
              <div className="flex max-h-64 flex-col gap-1 overflow-y-auto">
                <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm font-medium">
                  <input
                    type="checkbox"
                    checked={value === null}
                    onChange={(event) => event.target.checked && onChange(null)}
                    className={`size-4 ${focusRing}`}
                  />
                  {t("chat.scope.useAll")}
                </label>
                {loaded.sources.map((source) => (
                  <label key={source.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm">
                    <input
                      type="checkbox"
                      checked={value === null || value.includes(source.id)}
                      onChange={(event) => toggle(source.id, event.target.checked, loaded.sources)}
                      className={`size-4 ${focusRing}`}
                    />
                    <span className="min-w-0 truncate">{source.name}</span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <div className="mt-3 flex justify-end">
            <button type="button" onClick={close} className={buttonClass}>
              {t("chat.scope.done")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
