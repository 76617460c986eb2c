import { defaultUrlTransform } from "react-markdown";

// Schemes a link in an answer may use; javascript:, data:, vbscript: and the rest are dropped.
const ALLOWED = /^(https?|mailto):$/i;

/**
 * The URL a link in an answer may point to, or "" to drop it. Answers quote untrusted documents,
 * so only web and mail links survive; relative links are kept as the app's own paths.
 */
export function safeUrl(url: string): string {
  const kept = defaultUrlTransform(url.trim());
  if (!kept) return "";
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(kept)?.[1];
  return scheme && !ALLOWED.test(scheme) ? "" : kept;
}

/** Whether a URL leaves the app (and so opens in a new tab without a referrer). */
export const isRemote = (url: string) => /^(https?:)?\/\//i.test(url);
