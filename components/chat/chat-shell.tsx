import { ModelBadge } from "@/components/ui/model-badge";
import { UploadButton, UploadDropOverlay, UploadList } from "@/components/upload";

/** The chat page's frame: conversation sidebar, message area with its empty state, and the composer. */
export function ChatShell({ modelLabel }: { modelLabel: string }) {
  return (
    <div className="flex min-h-dvh">
      <aside
        aria-label="Conversations"
        className="hidden w-64 shrink-0 flex-col border-r border-neutral-200 bg-neutral-50 p-3 md:flex dark:border-neutral-800 dark:bg-neutral-900"
      >
        <p className="px-2 py-1 text-sm font-medium text-neutral-500 dark:text-neutral-400">Conversations</p>
        <p className="mt-2 px-2 text-sm text-neutral-500 dark:text-neutral-400">No conversations yet.</p>
      </aside>

      <main className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between border-b border-neutral-200 px-4 py-3 dark:border-neutral-800">
          <h1 className="text-lg font-semibold tracking-tight">Docent</h1>
          <div className="flex items-center gap-2">
            <UploadButton />
            <ModelBadge label={modelLabel} />
          </div>
        </header>

        <section aria-label="Messages" className="flex flex-1 items-center justify-center p-6">
          <div className="max-w-md text-center">
            <h2 className="text-xl font-semibold">Chat with your documents</h2>
            <p className="mt-2 text-neutral-600 dark:text-neutral-400">
              Drop PDF, Word, Markdown, HTML, text or CSV files here, then ask a question. Every answer cites
              the passages it came from.
            </p>
          </div>
        </section>

        <UploadList className="px-4 pb-4" />
        <UploadDropOverlay />

        <form className="border-t border-neutral-200 p-4 dark:border-neutral-800" aria-label="Ask a question">
          <label htmlFor="composer" className="sr-only">
            Your question
          </label>
          <textarea
            id="composer"
            name="question"
            rows={2}
            disabled
            placeholder="Ask a question about your documents…"
            className="w-full resize-none rounded-lg border border-neutral-300 bg-white px-3 py-2 text-base placeholder:text-neutral-500 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:border-neutral-700 dark:bg-neutral-900"
          />
        </form>
      </main>
    </div>
  );
}
