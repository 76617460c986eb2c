import { APICallError, RetryError } from "ai";

/**
 * A readable sentence for why the language model did not answer — what a person can do about a bad
 * key, a rate limit, a timeout or a server that is not running — instead of a stack trace or a
 * provider's raw JSON. The full error still goes to the log.
 */
export function describeModelError(error: unknown, { timedOut = false } = {}): string {
  if (timedOut) return "The language model took too long to answer. Please try again.";
  const cause = error instanceof RetryError ? error.lastError : error;
  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode;
    if (status === 401 || status === 403) {
      return `The language model refused the request (${status}): check OPENAI_API_KEY.`;
    }
    if (status === 404) return "The language model server does not know this model: check CHAT_MODEL.";
    if (status === 429)
      return "The language model is rate-limiting requests (429). Please wait a moment and try again.";
    if (status !== undefined && status >= 500) {
      return `The language model server failed (${status}). Please try again in a moment.`;
    }
    if (status === undefined)
      return "Could not reach the language model server: is it running, and is OPENAI_BASE_URL right?";
    return `The language model rejected the request (${status}).`;
  }
  const code = networkErrorCode(cause);
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ECONNRESET") {
    return "Could not reach the language model server: is it running, and is OPENAI_BASE_URL right?";
  }
  return "The language model failed to answer. Please try again.";
}

/** The errno code of a failed fetch, which Node keeps on the error's cause. */
function networkErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    current = cause;
  }
  return undefined;
}
