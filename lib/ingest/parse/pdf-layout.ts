import { joinLines } from "./whitespace";

/** A run of text as pdf.js reports it, positioned in PDF space (y grows upwards). */
export interface PdfTextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  fontSize: number;
  /** pdf.js saw a line break after this run. */
  endsLine: boolean;
}

export interface PdfParagraph {
  text: string;
  fontSize: number;
  lineCount: number;
}

interface Line {
  parts: string[];
  y: number;
  endX: number;
  fontSize: number;
}

/**
 * Runs this far apart horizontally (as a fraction of the font size) are separate words even when no
 * space character separates them, as when a label and its value are drawn as two runs.
 */
const WORD_GAP = 0.15;
/** A baseline this much lower or higher (fraction of the font size) starts a new line. */
const LINE_SHIFT = 0.5;
/**
 * Baselines farther apart than this (multiple of the font size) are in different paragraphs:
 * ordinary line spacing is 1.2–1.5, a paragraph gap adds at least half a line.
 */
const PARAGRAPH_GAP = 1.7;

/**
 * The paragraphs of one page from its text runs in content-stream order, which is the reading order
 * of nearly every PDF producer; sorting by position instead would interleave columns.
 */
export function paragraphsOfPage(runs: readonly PdfTextRun[]): PdfParagraph[] {
  return groupParagraphs(groupLines(runs));
}

function groupLines(runs: readonly PdfTextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const run of runs) {
    const fontSize: number = run.fontSize > 0 ? run.fontSize : (line?.fontSize ?? 10);
    if (line && Math.abs(run.y - line.y) > LINE_SHIFT * Math.max(fontSize, line.fontSize)) line = null;
    if (run.text) {
      if (!line) {
        line = { parts: [], y: run.y, endX: run.x, fontSize };
        lines.push(line);
      } else if (run.x - line.endX > WORD_GAP * fontSize) {
        line.parts.push(" ");
      }
      line.parts.push(run.text);
      line.endX = run.x + run.width;
      line.fontSize = Math.max(line.fontSize, fontSize);
    }
    if (run.endsLine) line = null;
  }
  return lines;
}

function groupParagraphs(lines: readonly Line[]): PdfParagraph[] {
  const paragraphs: PdfParagraph[] = [];
  let texts: string[] = [];
  let previous: Line | null = null;
  const endParagraph = () => {
    if (previous && texts.length > 0) {
      paragraphs.push({ text: joinLines(texts), fontSize: previous.fontSize, lineCount: texts.length });
    }
    texts = [];
  };
  for (const line of lines) {
    const text = line.parts.join("").replace(/\s+/g, " ").trim();
    if (!text) continue;
    if (previous && startsParagraph(previous, line)) endParagraph();
    texts.push(text);
    previous = line;
  }
  endParagraph();
  return paragraphs;
}

function startsParagraph(previous: Line, line: Line): boolean {
  const size = Math.max(previous.fontSize, line.fontSize);
  const drop = previous.y - line.y;
  const fontChanged = Math.abs(previous.fontSize - line.fontSize) > 0.1 * size;
  // A line above the previous one is the top of a new column or a box placed out of order.
  return drop > PARAGRAPH_GAP * size || drop < -LINE_SHIFT * size || fontChanged;
}
