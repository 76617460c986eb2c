import { existsSync } from "node:fs";

/** Flags for Chromium on a closed network and in containers running as root. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];

/**
 * The Chromium to drive: PLAYWRIGHT_CHROMIUM_PATH, else the system's /usr/bin/chromium, else
 * undefined so Playwright uses its own downloaded browser.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}
