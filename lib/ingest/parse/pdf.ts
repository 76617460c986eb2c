import { ParseError, type TextBlock } from "../blocks";
import { BlockBuilder } from "./block-builder";
import { type PdfParagraph, paragraphsOfPage } from "./pdf-layout";
import { NOT_READABLE, type PdfReadLimits, readPdfTextRuns } from "./pdf-text-runs";

const NO_TEXT_LAYER = "This PDF has no text layer — scanned pages need OCR, which Docent does not do yet.";

/** A paragraph set this much larger than the body text, and short, is taken for a heading. */
const HEADING_SIZE_RATIO = 1.2;
const HEADING_MAX_CHARACTERS = 150;
const HEADING_MAX_LINES = 3;

/**
 * A PDF's text as paragraphs with 1-based page numbers, via pdf.js (in a bounded worker thread,
 * see pdf-text-runs.ts). PDFs mark no structure, so
 * headings are inferred from type size: short paragraphs set clearly larger than the body text,
 * the largest size being the outermost level.
 */
export async function parsePdf(bytes: Uint8Array, limits?: PdfReadLimits): Promise<TextBlock[]> {
  const pageRuns = await readPdfTextRuns(bytes, limits);
  const blocks = toBlocks(pageRuns.map((runs) => (runs ? paragraphsOfPage(runs) : [])));
  if (blocks.length === 0) {
    // No text at all: a scan, unless its pages could not even be read.
    throw new ParseError(pageRuns.includes(null) ? NOT_READABLE : NO_TEXT_LAYER);
  }
  return blocks;
}

function toBlocks(pages: readonly PdfParagraph[][]): TextBlock[] {
  const bodySize = bodyFontSize(pages);
  const isHeading = (paragraph: PdfParagraph) =>
    paragraph.fontSize >= bodySize * HEADING_SIZE_RATIO &&
    paragraph.lineCount <= HEADING_MAX_LINES &&
    paragraph.text.length <= HEADING_MAX_CHARACTERS &&
    /\p{L}/u.test(paragraph.text);
  const headingSizes = [
    ...new Set(
      pages
        .flat()
        .filter(isHeading)
        .map((paragraph) => roundSize(paragraph.fontSize)),
    ),
  ].sort((a, b) => b - a);

  const builder = new BlockBuilder();
  for (const [index, paragraphs] of pages.entries()) {
    builder.page = index + 1;
    for (const paragraph of paragraphs) {
      if (isHeading(paragraph)) {
        builder.heading(headingSizes.indexOf(roundSize(paragraph.fontSize)) + 1, paragraph.text);
      } else {
        builder.add("paragraph", paragraph.text);
      }
    }
  }
  return builder.blocks;
}

/** The type size that carries the most characters: the body text's. */
function bodyFontSize(pages: readonly PdfParagraph[][]): number {
  const characters = new Map<number, number>();
  for (const paragraph of pages.flat()) {
    const size = roundSize(paragraph.fontSize);
    characters.set(size, (characters.get(size) ?? 0) + paragraph.text.length);
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of characters) {
    if (count > most) [body, most] = [size, count];
  }
  return body;
}

/** Sizes to the half point, so 11 and 11.04 count as the same type size. */
function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}
