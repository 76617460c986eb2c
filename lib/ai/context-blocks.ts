import type { SearchResult } from "@/lib/retrieval/hybrid-search";

/** What a prompt shows of a retrieved chunk. */
export type ContextSource = Pick<SearchResult, "sourceName" | "page" | "headingPath" | "content">;

/** One numbered document as a model reads it back from a prompt. */
export interface ContextBlock {
  /** 1-based; the n of a citation [n]. */
  index: number;
  source: string;
  page: number | null;
  /** The heading path joined with SECTION_SEPARATOR; null when the chunk sits under no heading. */
  section: string | null;
  content: string;
}

export const SECTION_SEPARATOR = " › ";

const OPEN = "<documents>";
const CLOSE = "</documents>";

// Document text is untrusted: escaping every "<" means no chunk can close its element or open a fake
// one, so the numbering the model sees is always the numbering the app assigned.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const UNESCAPES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

const escapeText = (text: string) => text.replace(/[&<>]/g, (char) => ESCAPES[char] as string);
const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (char) => ESCAPES[char] as string);
const unescapeEntities = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot);/g, (entity) => UNESCAPES[entity] as string);

/**
 * The retrieved chunks as a `<documents>` element, one `<document>` per chunk numbered from 1 in the
 * given order, with its source name and, when known, its page and section.
 */
export function formatContextBlocks(results: readonly ContextSource[]): string {
  const documents = results.map((result, i) => {
    let attributes = `index="${i + 1}" source="${escapeAttribute(result.sourceName)}"`;
    if (result.page !== null) attributes += ` page="${result.page}"`;
    if (result.headingPath.length > 0) {
      attributes += ` section="${escapeAttribute(result.headingPath.join(SECTION_SEPARATOR))}"`;
    }
    return `<document ${attributes}>\n${escapeText(result.content)}\n</document>`;
  });
  return [OPEN, ...documents, CLOSE].join("\n");
}

const DOCUMENT =
  /<document index="(\d+)" source="([^"]*)"(?: page="(-?\d+)")?(?: section="([^"]*)")?>\n([^<]*)\n<\/document>/g;

/** Where the first `<documents>` element of a text starts and ends; null when it has none. */
export function findContextBlocks(text: string): { start: number; end: number } | null {
  const start = text.indexOf(OPEN);
  if (start < 0) return null;
  // Escaped content holds no "<", so the first closing tag after the opening one is the real end.
  const close = text.indexOf(CLOSE, start);
  return close < 0 ? null : { start, end: close + CLOSE.length };
}

/** The documents formatContextBlocks() wrote into a text (e.g. a prompt); [] when it holds none. */
export function parseContextBlocks(text: string): ContextBlock[] {
  const span = findContextBlocks(text);
  if (!span) return [];
  const element = text.slice(span.start, span.end);
  return [...element.matchAll(DOCUMENT)].map(([, index, source, page, section, content]) => ({
    index: Number(index),
    source: unescapeEntities(source as string),
    page: page === undefined ? null : Number(page),
    section: section === undefined ? null : unescapeEntities(section),
    content: unescapeEntities(content as string),
  }));
}
