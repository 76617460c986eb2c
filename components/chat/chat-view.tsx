"use client";

import { useChat } from "@ai-sdk/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/ui/i18n-provider";
import { callJson, readApiError } from "@/components/ui/read-api-error";
import { buttonClass } from "@/components/ui/styles";
import { type Citation, type DocentUIMessage, messageText } from "@/lib/chat/messages";
import { AssistantMessage } from "./assistant-message";
import { createChatTransport } from "./chat-transport";
import { CitationPanel } from "./citation-panel";
import { Composer } from "./composer";
import { EmptyState } from "./empty-state";
import { ScopePicker } from "./scope-picker";
import { useWorkspace } from "./workspace-context";

/**
 * One conversation: its messages, the composer and the cited passage. `saved` is false on `/` until
 * the server has stored the conversation (it does so on the first question); the URL then becomes
 * /chat/[id] in place, without a reload, and the sidebar lists it.
 */
export function ChatView({
  conversationId,
  saved: savedAtStart,
  initialMessages,
  initialSourceIds,
}: {
  conversationId: string;
  saved: boolean;
  initialMessages: DocentUIMessage[];
  initialSourceIds: string[] | null;
}) {
  const t = useT();
  const { refresh, setActiveId } = useWorkspace();
  const [sourceIds, setSourceIds] = useState(initialSourceIds);
  const [scopeError, setScopeError] = useState<string | null>(null);
  const [openCitation, setOpenCitation] = useState<Citation | null>(null);
  const scope = useRef(sourceIds);
  const saved = useRef(savedAtStart);
  const answerStarted = useRef(false);
  const [transport] = useState(() => createChatTransport(() => scope.current));
  const bottom = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLElement>(null);

  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } =
    useChat<DocentUIMessage>({
      id: conversationId,
      messages: initialMessages,
      transport,
      // The sources come first in an answer: once they do, the server has stored the conversation.
      onData: () => {
        answerStarted.current = true;
      },
      onFinish: () => {
        if (!saved.current && answerStarted.current) {
          saved.current = true;
          window.history.replaceState(null, "", `/chat/${conversationId}`);
          setActiveId(conversationId);
        }
        // A list that failed to load keeps its old rows; the next page load brings it up to date.
        refresh().catch(() => undefined);
      },
    });
  const busy = status === "submitted" || status === "streaming";
  const last = messages.at(-1);

  // Follows the answer as it grows, unless the reader has scrolled up to read something earlier.
  useEffect(() => {
    const view = scroller.current;
    if (!view || messages.length === 0) return;
    const nearBottom = view.scrollHeight - view.scrollTop - view.clientHeight < 160;
    if (nearBottom || messages.at(-1)?.role === "user") bottom.current?.scrollIntoView({ block: "end" });
  }, [messages]);

  function changeScope(next: string[] | null) {
    setSourceIds(next);
    scope.current = next;
    setScopeError(null);
    if (!saved.current) return;
    callJson(
      `/api/conversations/${conversationId}`,
      {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sourceIds: next }),
      },
      t("chat.error.unreachable"),
    ).catch((failure: Error) => setScopeError(t("chat.scope.failed", { message: failure.message })));
  }

  function ask(text: string) {
    clearError();
    setOpenCitation(null);
    sendMessage({ text });
  }

  /**
   * Tries the failed turn again: an answer the server kept (it had some text) is regenerated; when
   * there is none, the question is sent again in place of the one that failed.
   */
  function retry() {
    if (last?.role === "assistant" && messageText(last)) {
      regenerate({ messageId: last.id });
      return;
    }
    const questionAt = messages.findLastIndex((message) => message.role === "user");
    const question = messages[questionAt];
    if (!question) return;
    setMessages(messages.slice(0, questionAt));
    ask(messageText(question));
  }

  return (
    <div className="flex min-h-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col">
        <section
          aria-label={t("chat.messages.label")}
          className="flex min-h-0 flex-1 flex-col overflow-y-auto"
        >
          {messages.length === 0 ? (
            <EmptyState />
          ) : (
            <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6">
              {messages.map((message, index) =>
                message.role === "user" ? (
                  <article
                    key={message.id}
                    aria-label={t("chat.message.question")}
                    className="ml-auto max-w-[85%] rounded-2xl rounded-br-sm bg-neutral-100 px-4 py-2 whitespace-pre-wrap wrap-break-word dark:bg-neutral-800"
                  >
                    {messageText(message)}
                  </article>
                ) : (
                  <AssistantMessage
                    key={message.id}
                    message={message}
                    streaming={busy && index === messages.length - 1}
                    onOpenCitation={setOpenCitation}
                    onRegenerate={
                      !busy && index === messages.length - 1
                        ? () => {
                            clearError();
                            regenerate({ messageId: message.id });
                          }
                        : undefined
                    }
                  />
                ),
              )}
              {status === "submitted" && last?.role === "user" ? (
                <p className="animate-pulse text-neutral-600 dark:text-neutral-400">
                  {t("chat.message.searching")}
                </p>
              ) : null}
              {error ? (
                <div
                  role="alert"
                  className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
                >
                  <p className="min-w-0 flex-1">{readApiError(error.message, t("chat.error.generic"))}</p>
                  <button type="button" onClick={retry} className={buttonClass}>
                    {t("chat.error.retry")}
                  </button>
                </div>
              ) : null}
              <div ref={bottom} />
            </div>
          )}
        </section>
        {scopeError ? (
          <p role="alert" className="px-4 pb-1 text-sm text-red-700 dark:text-red-400">
            {scopeError}
          </p>
        ) : null}
        <Composer busy={busy} onSend={ask} onStop={() => stop()}>
          <ScopePicker value={sourceIds} onChange={changeScope} />
        </Composer>
      </div>
      <CitationPanel citation={openCitation} onClose={() => setOpenCitation(null)} />
    </div>
  );
}
