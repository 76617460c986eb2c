import { type ChildNode, type Element, isTag, isText } from "domhandler";
import type { TextBlock } from "../blocks";
import { BlockBuilder } from "./block-builder";
import { BLOCK_ELEMENTS, collectText, isSkipped, parseHtmlTree, walk } from "./html-text";
import { collapseWhitespace } from "./whitespace";

const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const LIST_ELEMENTS = new Set(["ul", "ol", "menu"]);
/** Where an author says the page's own content is. */
const CONTENT_LANDMARKS = new Set(["main", "article", "section"]);
/** Banner, footer and sidebar: site chrome when they sit outside the content landmarks. */
const CHROME_ELEMENTS = new Set(["header", "footer", "aside"]);

/**
 * The blocks of an HTML document in reading order: headings (which build the heading path),
 * paragraphs, lists as "- item" lines, tables as "cell | cell" lines, <pre> as code. Used for HTML
 * uploads and for the HTML that mammoth makes of a DOCX.
 */
export function htmlToBlocks(html: string): TextBlock[] {
  const nodes = parseHtmlTree(html);
  const builder = new BlockBuilder();
  // Page-level header/footer/aside are chrome only on pages that mark their content with <main> or
  // <article>; on simpler pages the <header> often holds the title itself.
  const marksContent = hasContentLandmark(nodes);
  let contentDepth = 0;
  // The paragraph being read: its finished lines (ended by <br>) and the text of the current one.
  let lines: string[] = [];
  let inline: string[] = [];
  const endLine = () => {
    const line = collapseWhitespace(inline.join(""));
    if (line) lines.push(line);
    inline = [];
  };
  const endParagraph = () => {
    endLine();
    builder.add("paragraph", lines.join("\n"));
    lines = [];
  };

  walk(nodes, {
    enter(node) {
      if (isText(node)) {
        inline.push(node.data);
        return false;
      }
      if (!isTag(node) || isSkipped(node)) return false;
      if (CHROME_ELEMENTS.has(node.name) && marksContent && contentDepth === 0) return false;
      const level = HEADING_LEVEL[node.name];
      if (level !== undefined) {
        endParagraph();
        builder.heading(level, collapseWhitespace(collectText(node.children)));
        return false;
      }
      if (LIST_ELEMENTS.has(node.name)) {
        endParagraph();
        builder.add("list", renderList(node));
        return false;
      }
      if (node.name === "table") {
        endParagraph();
        builder.add("table", renderTable(node));
        return false;
      }
      if (node.name === "pre") {
        endParagraph();
        builder.add("code", trimBlankLines(collectText(node.children)));
        return false;
      }
      if (node.name === "br") endLine();
      if (CONTENT_LANDMARKS.has(node.name)) contentDepth++;
      if (BLOCK_ELEMENTS.has(node.name)) endParagraph();
      return true;
    },
    exit(element) {
      if (CONTENT_LANDMARKS.has(element.name)) contentDepth--;
      if (BLOCK_ELEMENTS.has(element.name)) endParagraph();
    },
  });
  endParagraph();
  return builder.blocks;
}

function hasContentLandmark(nodes: readonly ChildNode[]): boolean {
  let found = false;
  walk(nodes, {
    enter(node) {
      if (found || !isTag(node)) return false;
      found = node.name === "main" || node.name === "article" || node.attribs.role === "main";
      return !found;
    },
  });
  return found;
}

/** Preformatted text as written, minus the blank lines around it. */
function trimBlankLines(text: string): string {
  return text.replace(/^\s*\n/, "").trimEnd();
}

/** One line per item, "- item" or "1. item", nested lists indented by two spaces per level. */
function renderList(list: Element): string {
  const lines: string[] = [];
  // The next number of each open list; null for unordered lists.
  const counters: (number | null)[] = [];
  let item: { prefix: string; parts: string[] } | null = null;
  const endItem = () => {
    const text = item ? collapseWhitespace(item.parts.join("")) : "";
    if (item && text) lines.push(`${item.prefix}${text}`);
    item = null;
  };

  walk([list], {
    enter(node) {
      if (isText(node)) {
        // Text after a nested list continues its item on a line of its own.
        item ??= { prefix: "  ".repeat(counters.length), parts: [] };
        item.parts.push(node.data);
        return false;
      }
      if (!isTag(node) || isSkipped(node)) return false;
      if (LIST_ELEMENTS.has(node.name)) {
        endItem();
        counters.push(node.name === "ol" ? Number.parseInt(node.attribs.start ?? "1", 10) || 1 : null);
        return true;
      }
      if (node.name === "li") {
        endItem();
        const number = counters.at(-1);
        const marker = typeof number === "number" ? `${number}.` : "-";
        if (typeof number === "number") counters[counters.length - 1] = number + 1;
        item = { prefix: `${"  ".repeat(Math.max(counters.length - 1, 0))}${marker} `, parts: [] };
        return true;
      }
      if (node.name === "br" || BLOCK_ELEMENTS.has(node.name)) item?.parts.push(" ");
      return true;
    },
    exit(element) {
      if (LIST_ELEMENTS.has(element.name)) {
        endItem();
        counters.pop();
      } else if (element.name === "li") {
        endItem();
      }
    },
  });
  return lines.join("\n");
}

/**
 * The caption, then one line per row with its cells joined by " | ": a header row followed by its
 * data rows reads as a table to a language model and keeps each cell a separate word to search.
 */
function renderTable(table: Element): string {
  const lines: string[] = [];
  let cells: string[] = [];
  const endRow = () => {
    if (cells.some((cell) => cell !== "")) lines.push(cells.join(" | "));
    cells = [];
  };
  walk(table.children, {
    enter(node) {
      if (!isTag(node) || isSkipped(node)) return false;
      if (node.name === "caption") {
        lines.push(collapseWhitespace(collectText(node.children)));
        return false;
      }
      if (node.name === "td" || node.name === "th") {
        // A table nested in a cell becomes part of that cell's text.
        cells.push(collapseWhitespace(collectText(node.children)));
        return false;
      }
      return node.name !== "table";
    },
    exit(element) {
      if (element.name === "tr") endRow();
    },
  });
  // Cells outside any <tr> (sloppy markup) still form a row.
  endRow();
  return lines.filter((line) => line !== "").join("\n");
}
