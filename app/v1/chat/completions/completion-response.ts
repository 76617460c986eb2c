import type { Citation } from "@/lib/chat/messages";
import type { AnswerOutcome, AnswerRun } from "@/lib/chat/run-answer";
import { DocentError } from "@/lib/errors";

/** The model name OpenAI clients see: Docent's retrieval + prompt + the configured chat model. */
export const DOCENT_MODEL = "docent";

const usageOf = ({ usage }: AnswerOutcome) => ({
  prompt_tokens: usage.inputTokens ?? 0,
  completion_tokens: usage.outputTokens ?? 0,
  total_tokens: (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0),
});

const header = (id: string, created: number) => ({ id: `chatcmpl-${id}`, created, model: DOCENT_MODEL });

/**
 * A whole `chat.completion`. `sources` is Docent's extra field: the retrieved chunks, numbered as
 * the answer's [n] citations refer to them.
 */
export async function completionResponse(
  run: AnswerRun,
  sources: Citation[],
  requestId: string,
): Promise<Response> {
  const created = Math.floor(Date.now() / 1000);
  let text = "";
  for await (const delta of run.textStream) text += delta;
  const outcome = await run.outcome;
  return Response.json({
    ...header(requestId, created),
    object: "chat.completion",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: outcome.text || text },
        finish_reason: "stop",
      },
    ],
    usage: usageOf(outcome),
    sources,
  });
}

/**
 * The same as server-sent `chat.completion.chunk` events: the first names the role and carries
 * `sources`, then one per text delta, a last one with finish_reason and usage, then [DONE]. A model
 * failing part-way ends the stream with an `error` event, as OpenAI's API does.
 */
export function streamingCompletionResponse(
  run: AnswerRun,
  sources: Citation[],
  requestId: string,
): Response {
  const created = Math.floor(Date.now() / 1000);
  const encoder = new TextEncoder();
  const event = (data: unknown) => encoder.encode(`data: ${JSON.stringify(data)}\n\n`);
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    event({
      ...header(requestId, created),
      object: "chat.completion.chunk",
      choices: [{ index: 0, delta, finish_reason: null, ...extra }],
    });
  const iterator = run.textStream[Symbol.asyncIterator]();

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        event({
          ...header(requestId, created),
          object: "chat.completion.chunk",
          choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
          sources,
        }),
      );
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (!next.done) {
          controller.enqueue(chunk({ content: next.value }));
          return;
        }
        const outcome = await run.outcome;
        controller.enqueue(
          event({
            ...header(requestId, created),
            object: "chat.completion.chunk",
            choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
            usage: usageOf(outcome),
          }),
        );
      } catch (error) {
        const failure =
          error instanceof DocentError ? error : new DocentError("internal:completion", "The answer failed.");
        controller.enqueue(event(failure.toJSON()));
      }
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
    // The client went away: ending the iteration stops the model call and records the trace.
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    },
  });
}
