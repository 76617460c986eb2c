import { z } from "zod";
import { readJsonBody } from "@/lib/http/read-json-body";

const MAX_K = 50;
// A question, not a document: longer input is a client mistake, and would only slow both legs down.
const MAX_QUERY_CHARACTERS = 2_000;
const MAX_SOURCE_IDS = 500;

const searchRequest = z.object(
  {
    query: z
      .string({ error: "query must be text" })
      .trim()
      .min(1, { error: "query must not be empty" })
      .max(MAX_QUERY_CHARACTERS, { error: `query must be at most ${MAX_QUERY_CHARACTERS} characters` }),
    k: z
      .number({ error: `k must be a whole number from 1 to ${MAX_K}` })
      .int({ error: `k must be a whole number from 1 to ${MAX_K}` })
      .min(1, { error: `k must be a whole number from 1 to ${MAX_K}` })
      .max(MAX_K, { error: `k must be a whole number from 1 to ${MAX_K}` })
      .optional(),
    sourceIds: z
      .array(z.uuid({ error: "sourceIds must hold source ids (UUIDs)" }), {
        error: "sourceIds must be a list of source ids",
      })
      .min(1, { error: "sourceIds must name at least one source (leave it out to search all of them)" })
      .max(MAX_SOURCE_IDS, { error: `sourceIds may name at most ${MAX_SOURCE_IDS} sources` })
      .optional(),
  },
  { error: 'Send a JSON object such as {"query": "How are refunds handled?"}' },
);

export type SearchRequestBody = z.infer<typeof searchRequest>;

/** The body of POST /api/search, validated; a bad one is a 400 that says what to fix. */
export function readSearchRequest(request: Request): Promise<SearchRequestBody> {
  return readJsonBody(request, searchRequest, {
    code: "bad_request:search",
    example: '{"query": "How are refunds handled?"}',
    maxBytes: 64 * 1024,
  });
}
