/** The formats Docent ingests; each has a parser in lib/ingest/parse/. */
export const DOCUMENT_FORMATS = ["pdf", "docx", "html", "markdown", "text", "csv"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * One structural piece of a parsed document, in reading order: what the chunker splits along.
 * Parsers keep the page (PDF) and the headings above the block (DOCX, HTML, Markdown) where the
 * format has them.
 */
export interface TextBlock {
  kind: "heading" | "paragraph" | "list" | "table" | "code" | "rows";
  text: string;
  /** 1-based page number; null for formats without pages. */
  page: number | null;
  /** Titles of the enclosing headings, outermost first; a heading block's own path ends with itself. */
  headingPath: string[];
}

/** A document that cannot be read; the message is shown to the person who uploaded it. */
export class ParseError extends Error {
  override name = "ParseError";
}
