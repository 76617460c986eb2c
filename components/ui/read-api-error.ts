/**
 * The sentence to show for a failed request. The API answers errors as JSON `{ error: { message } }`
 * written for people; the chat stream's error text is a sentence already. Anything else (a network
 * failure, a proxy's HTML page) gets the fallback.
 */
export function readApiError(text: string | undefined, fallback: string): string {
  const trimmed = text?.trim();
  if (!trimmed) return fallback;
  if (trimmed.startsWith("{")) {
    try {
      const message = (JSON.parse(trimmed) as { error?: { message?: unknown } }).error?.message;
      return typeof message === "string" && message ? message : fallback;
    } catch {
      return fallback;
    }
  }
  // fetch's own failures ("Failed to fetch", "NetworkError …") say nothing a reader can act on.
  if (/failed to fetch|networkerror|load failed/i.test(trimmed) || trimmed.startsWith("<")) return fallback;
  return trimmed;
}

/** Calls a JSON API route; a failure throws an Error with the server's readable message. */
export async function callJson<T>(url: string, init: RequestInit, fallback: string): Promise<T | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch {
    throw new Error(fallback);
  }
  if (response.ok) return response.status === 204 ? undefined : ((await response.json()) as T);
  throw new Error(readApiError(await response.text(), fallback));
}
