import { getDocumentProxy } from "unpdf";
import { ParseError, type TextBlock } from "../blocks";
import { BlockBuilder } from "./block-builder";
import { type PdfParagraph, type PdfTextRun, paragraphsOfPage } from "./pdf-layout";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

const NOT_READABLE =
  "This file is not a readable PDF: it may be damaged or incomplete. Try saving or exporting it again.";
const PASSWORD_PROTECTED =
  "This PDF is password-protected. Remove the password (for example by saving an unprotected copy) and upload it again.";
const NO_TEXT_LAYER = "This PDF has no text layer — scanned pages need OCR, which Docent does not do yet.";

/** A paragraph set this much larger than the body text, and short, is taken for a heading. */
const HEADING_SIZE_RATIO = 1.2;
const HEADING_MAX_CHARACTERS = 150;
const HEADING_MAX_LINES = 3;

/**
 * A PDF's text as paragraphs with 1-based page numbers, via pdf.js. PDFs mark no structure, so
 * headings are inferred from type size: short paragraphs set clearly larger than the body text,
 * the largest size being the outermost level.
 */
export async function parsePdf(bytes: Uint8Array): Promise<TextBlock[]> {
  const pdf = await openPdf(bytes);
  try {
    const pages: PdfParagraph[][] = [];
    let pageError: unknown;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      try {
        pages.push(paragraphsOfPage(await textRunsOfPage(pdf, pageNumber)));
      } catch (error) {
        // One damaged page should not cost the rest of the document.
        pageError = error;
        pages.push([]);
      }
    }
    const blocks = toBlocks(pages);
    if (blocks.length === 0) {
      throw pageError === undefined
        ? new ParseError(NO_TEXT_LAYER)
        : new ParseError(NOT_READABLE, { cause: pageError });
    }
    return blocks;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    // Verbosity 0 is errors only: pdf.js otherwise warns on the console about every font quirk.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    throw new ParseError(name === "PasswordException" ? PASSWORD_PROTECTED : NOT_READABLE, { cause: error });
  }
}

async function textRunsOfPage(pdf: PdfDocument, pageNumber: number): Promise<PdfTextRun[]> {
  const page = await pdf.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const runs: PdfTextRun[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      runs.push({
        text: item.str,
        x,
        y,
        width: item.width,
        fontSize: Math.hypot(c, d) || item.height,
        endsLine: item.hasEOL,
      });
    }
    return runs;
  } finally {
    page.cleanup();
  }
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
