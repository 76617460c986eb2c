import type { TextBlock } from "./blocks";
import { normalizeBlockText } from "./normalize-text";
import type { Piece } from "./split-text";

/** Consecutive blocks that may share a chunk: one page, one heading path. */
export interface Section {
  page: number | null;
  headingPath: string[];
  /** The blocks' paragraphs, in reading order. */
  pieces: Piece[];
}

/**
 * Groups blocks into sections. Every heading opens one, and so does any change of page or heading
 * path. A heading with nothing under it but a sub-heading on the same page (a chapter title, then
 * its first section) joins that sub-heading's section instead of becoming a chunk of its own.
 */
export function* sectionsOf(blocks: Iterable<TextBlock>): Generator<Section> {
  let current: Section | null = null;
  let headingsOnly = false;
  for (const block of blocks) {
    const text = normalizeBlockText(block.kind, block.text);
    if (!text) continue;
    if (current === null || opensSection(block, current)) {
      const carried: Piece[] =
        current !== null && headingsOnly && nestsUnder(block, current) ? current.pieces : [];
      if (current !== null && carried.length === 0) yield current;
      current = { page: block.page, headingPath: [...block.headingPath], pieces: carried };
      headingsOnly = true;
    }
    if (block.kind !== "heading") headingsOnly = false;
    const level = block.kind === "paragraph" || block.kind === "heading" ? "paragraph" : "listing";
    for (const paragraph of text.split("\n\n")) {
      // A code paragraph may start indented: the indentation goes with the separator, kept between
      // paragraphs and dropped at a chunk's start, which is trimmed.
      const content = paragraph.trimStart();
      const indentation = paragraph.slice(0, paragraph.length - content.length);
      current.pieces.push({
        text: content,
        separator: (current.pieces.length === 0 ? "" : "\n\n") + indentation,
        level,
      });
    }
  }
  if (current !== null) yield current;
}

function opensSection(block: TextBlock, section: Section): boolean {
  return (
    block.kind === "heading" ||
    block.page !== section.page ||
    !samePath(block.headingPath, section.headingPath)
  );
}

function nestsUnder(block: TextBlock, section: Section): boolean {
  const parent = section.headingPath;
  return (
    block.page === section.page &&
    block.headingPath.length > parent.length &&
    parent.every((title, i) => block.headingPath[i] === title)
  );
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((title, i) => b[i] === title);
}
