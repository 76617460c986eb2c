/** Names the model that answers, so the offline mode is never mistaken for an LLM. */
export function ModelBadge({ label, title }: { label: string; title: string }) {
  return (
    <span
      title={title}
      className="inline-flex shrink-0 items-center rounded-full border border-neutral-300 px-2.5 py-0.5 text-xs font-medium text-neutral-700 dark:border-neutral-700 dark:text-neutral-300"
    >
      {label}
    </span>
  );
}
