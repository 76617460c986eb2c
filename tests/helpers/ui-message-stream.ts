/** One event of a UI message stream (the useChat protocol), e.g. { type: "text-delta", delta }. */
export interface StreamEvent {
  type: string;
  [key: string]: unknown;
}

/** Reads a server-sent event stream to its end and returns its JSON events, in order. */
export async function readEvents(response: Response): Promise<StreamEvent[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .map((event) => event.trim())
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice("data: ".length)) as StreamEvent);
}

/** The answer's text: its text deltas joined. */
export const answerText = (events: StreamEvent[]) =>
  events
    .filter((event) => event.type === "text-delta")
    .map((event) => event.delta)
    .join("");

/** The metadata the server attached to the answer's finish event (trace id, cache hit, model). */
export function finishMetadata(events: StreamEvent[]): {
  traceId?: string;
  cacheHit?: boolean;
  model?: string;
} {
  const finish = events.find((event) => event.type === "finish");
  return (finish?.messageMetadata ?? {}) as { traceId?: string; cacheHit?: boolean; model?: string };
}
