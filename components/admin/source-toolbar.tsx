import { useId } from "react";
import type { AdminTranslate } from "./admin-strings";
import { SOURCE_SORTS, type SourceSort, type SourceView, STATUS_FILTERS } from "./source-view";
import { fieldClass } from "./styles";

/** The name filter, status filter and sort order of the sources table. */
export function SourceToolbar({
  view,
  t,
  onChange,
}: {
  view: SourceView;
  t: AdminTranslate;
  onChange: (view: SourceView) => void;
}) {
  const id = useId();
  const labelClass = "text-xs font-medium text-neutral-600 dark:text-neutral-400";
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:items-end">
      <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
        <label htmlFor={`${id}-name`} className={labelClass}>
          {t("admin.filter.name")}
        </label>
        <input
          id={`${id}-name`}
          type="search"
          value={view.query}
          placeholder={t("admin.filter.namePlaceholder")}
          onChange={(event) => onChange({ ...view, query: event.target.value })}
          className={fieldClass}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-status`} className={labelClass}>
          {t("admin.filter.status")}
        </label>
        <select
          id={`${id}-status`}
          value={view.status}
          onChange={(event) => onChange({ ...view, status: event.target.value as SourceView["status"] })}
          className={fieldClass}
        >
          <option value="all">{t("admin.filter.allStatuses")}</option>
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`admin.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-sort`} className={labelClass}>
          {t("admin.sort.label")}
        </label>
        <select
          id={`${id}-sort`}
          value={view.sort}
          onChange={(event) => onChange({ ...view, sort: event.target.value as SourceSort })}
          className={fieldClass}
        >
          {Object.entries(SOURCE_SORTS).map(([sort, { label }]) => (
            <option key={sort} value={sort}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
