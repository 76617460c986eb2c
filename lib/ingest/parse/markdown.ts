import { getDefaults, Lexer, type MarkedToken, type Token, type Tokens } from "marked";
import { ParseError, type TextBlock } from "../blocks";
import { decodeText } from "../text-decoding";
import { BlockBuilder } from "./block-builder";
import { htmlToText } from "./html-text";
import { markdownInlineToText } from "./markdown-inline";
import { collapseWhitespace } from "./whitespace";

/**
 * Leading indentation and ">" markers beyond this many characters are cut. marked re-lexes a nested
 * list or quote once per level, so time grows with the square of the nesting depth; 40 characters
 * still allows some 10–20 levels, deeper than real documents go.
 */
const MAX_LINE_PREFIX = 40;

/**
 * A Markdown file as blocks: marked finds the block structure (headings build the heading path),
 * and markdownInlineToText turns each block's inline syntax into the text a reader sees.
 */
export async function parseMarkdown(bytes: Uint8Array): Promise<TextBlock[]> {
  const source = limitNesting(withoutFrontMatter(decodeText(bytes).replace(/\r\n?/g, "\n")));
  let tokens: Token[];
  try {
    // Block tokens only, from a lexer with its own options: marked's inline pass is left out (see
    // markdown-inline.ts), and options set on the global `marked` elsewhere cannot change parsing here.
    tokens = new Lexer({ ...getDefaults(), gfm: true }).blockTokens(source);
  } catch (error) {
    throw new ParseError("This Markdown file could not be read.", { cause: error });
  }
  const builder = new BlockBuilder();
  addBlocks(builder, tokens);
  return builder.blocks;
}

/**
 * The document without a leading YAML front matter block ("---", "key: value" lines, "---"), which
 * marked would read as a rule and a heading made of metadata.
 */
function withoutFrontMatter(source: string): string {
  const opening = /^---[ \t]*\n(?=[A-Za-z_][\w-]*[ \t]*:)/.exec(source);
  if (!opening) return source;
  const rest = source.slice(opening[0].length);
  const end = /^(?:---|\.\.\.)[ \t]*(?:\n|$)/m.exec(rest);
  return end ? rest.slice(end.index + end[0].length) : source;
}

function limitNesting(source: string): string {
  return source.split("\n").map(limitLinePrefix).join("\n");
}

function limitLinePrefix(line: string): string {
  let end = 0;
  while (end < line.length && " \t>".includes(line.charAt(end))) end++;
  return end > MAX_LINE_PREFIX ? line.slice(0, MAX_LINE_PREFIX) + line.slice(end) : line;
}

function addBlocks(builder: BlockBuilder, tokens: readonly Token[]): void {
  for (const token of tokens as readonly MarkedToken[]) {
    switch (token.type) {
      case "heading":
        builder.heading(token.depth, collapseWhitespace(inlineText(token.text)));
        break;
      case "paragraph":
      case "text":
        builder.add("paragraph", inlineText(token.text));
        break;
      case "list":
        builder.add("list", listLines(token, 0).join("\n"));
        break;
      case "table":
        builder.add("table", tableLines(token).join("\n"));
        break;
      case "code":
        builder.add("code", token.text);
        break;
      case "blockquote":
        addBlocks(builder, token.tokens);
        break;
      case "html":
        builder.add("paragraph", htmlToText(token.text));
        break;
      default:
        // Rules, spacing and link reference definitions carry no text.
        break;
    }
  }
}

/** Inline Markdown as text, without the spaces a hard line break ("two spaces⏎") leaves behind. */
function inlineText(markdown: string): string {
  return markdownInlineToText(markdown)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/** "- item" or "1. item" lines, nested lists indented by two spaces per level after their item. */
function listLines(list: Tokens.List, depth: number): string[] {
  const lines: string[] = [];
  let number = typeof list.start === "number" ? list.start : 1;
  for (const item of list.items) {
    const marker = list.ordered ? `${number++}.` : "-";
    const parts: string[] = item.task ? [item.checked ? "[x]" : "[ ]"] : [];
    const nested: string[] = [];
    for (const child of item.tokens as readonly MarkedToken[]) {
      if (child.type === "list") nested.push(...listLines(child, depth + 1));
      else if (child.type === "code") parts.push(child.text);
      else if (child.type === "text" || child.type === "paragraph" || child.type === "heading")
        parts.push(inlineText(child.text));
      else if (child.type === "html") parts.push(htmlToText(child.text));
    }
    const text = collapseWhitespace(parts.join(" "));
    if (text) lines.push(`${"  ".repeat(depth)}${marker} ${text}`);
    lines.push(...nested);
  }
  return lines;
}

/** The header row, then the data rows, with cells joined by " | " like HTML and DOCX tables. */
function tableLines(table: Tokens.Table): string[] {
  const row = (cells: readonly Tokens.TableCell[]) =>
    cells.map((cell) => collapseWhitespace(inlineText(cell.text))).join(" | ");
  return [row(table.header), ...table.rows.map(row)].filter((line) => line.replaceAll("|", "").trim() !== "");
}
