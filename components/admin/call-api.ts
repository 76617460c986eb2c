/**
 * Calls a Docent API route from the browser. A failed answer throws an Error carrying the server's
 * JSON `error.message`, which is written for people, so the UI can show it as it is; when there is no
 * such message (network down, a proxy's HTML page), it carries `fallback` instead.
 */
export async function callApi<T>(url: string, init: RequestInit, fallback: string): Promise<T | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init });
  } catch {
    throw new Error(fallback);
  }
  if (response.ok) return response.status === 204 ? undefined : ((await response.json()) as T);
  const body: unknown = await response.json().catch(() => null);
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  throw new Error(typeof message === "string" && message ? message : fallback);
}
