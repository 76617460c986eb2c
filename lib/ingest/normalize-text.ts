import type { TextBlock } from "./blocks";

/**
 * A block's text as chunks show it: trimmed, at most one blank line in a row, and (outside code and
 * lists, whose indentation is meaningful) every other run of spaces and tabs as one space. Line
 * breaks are kept: lists, tables, addresses and verse rely on them.
 */
export function normalizeBlockText(kind: TextBlock["kind"], text: string): string {
  return kind === "code" || kind === "list" ? normalizeIndented(text) : normalizeProse(text);
}

// Matches only runs that need rewriting, so clean text (single spaces and line breaks) costs one
// scan and no replacements. Greedy with nothing after it: linear, whatever the run's length.
const UNTIDY_SPACE = /\s{2,}|[^\S\n ]/g;

function normalizeProse(text: string): string {
  return text.replace(UNTIDY_SPACE, tidySpace).trim();
}

function tidySpace(run: string): string {
  const breaks = countLineBreaks(run);
  return breaks === 0 ? " " : breaks === 1 ? "\n" : "\n\n";
}

/** Line breaks in a whitespace run, "\r\n" counting once; stops at two, all that matters. */
function countLineBreaks(run: string): number {
  let breaks = 0;
  for (let i = 0; i < run.length && breaks < 2; i++) {
    const char = run[i];
    if (char === "\n" || (char === "\r" && run[i + 1] !== "\n")) breaks++;
  }
  return breaks;
}

function normalizeIndented(text: string): string {
  const lines = text.split(/\r\n?|\n/).map((line) => line.trimEnd());
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .trimEnd();
}
