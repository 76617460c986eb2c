import type { UIMessage } from "ai";
import type { SearchResult } from "@/lib/retrieval/hybrid-search";

/** A retrieved chunk as the answer cites it: `index` is the n of its [n] markers. */
export interface Citation extends SearchResult {
  index: number;
}

/** What the server attaches to an assistant message: who answered, and how. */
export interface AnswerMetadata {
  /** The model's id, e.g. "offline/extractive" or "gpt-5-mini". */
  model?: string;
  /** The model's name as the UI shows it, e.g. "Offline extractive". */
  modelLabel?: string;
  traceId?: string;
  cacheHit?: boolean;
  createdAt?: number;
}

/** The data parts an answer streams before its text, so citations render while it is still arriving. */
export interface AnswerDataParts {
  sources: Citation[];
  [key: string]: unknown;
}

/** The one chat message type, shared by the chat route, the stored conversation and the UI. */
export type DocentUIMessage = UIMessage<AnswerMetadata, AnswerDataParts>;

/** The text of a message: its text parts joined, without reasoning, data or tool parts. */
export function messageText(message: Pick<UIMessage, "parts">): string {
  return message.parts
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("")
    .trim();
}

export const toCitations = (results: SearchResult[]): Citation[] =>
  results.map((result, position) => ({ ...result, index: position + 1 }));
