import { type DocumentFormat, ParseError, type TextBlock } from "../blocks";
import { parseCsv } from "./csv";
import { parseDocx } from "./docx";
import { parseHtml } from "./html";
import { parseMarkdown } from "./markdown";
import { parsePdf } from "./pdf";
import { parseText } from "./text";

const PARSERS: Readonly<Record<DocumentFormat, (bytes: Uint8Array) => Promise<TextBlock[]>>> = {
  pdf: parsePdf,
  docx: parseDocx,
  html: parseHtml,
  markdown: parseMarkdown,
  text: parseText,
  csv: parseCsv,
};

/**
 * A document's text blocks in reading order. Throws ParseError, with a message for the person who
 * uploaded it, when the file cannot be read or holds no text.
 */
export async function parseDocument(bytes: Uint8Array, format: DocumentFormat): Promise<TextBlock[]> {
  const blocks = await PARSERS[format](bytes);
  if (blocks.length === 0) throw new ParseError("This file contains no text, so there is nothing to search.");
  return blocks;
}
