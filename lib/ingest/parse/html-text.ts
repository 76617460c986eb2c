import { type ChildNode, DomHandler, type Element, isTag, isText } from "domhandler";
import { Parser } from "htmlparser2";
import { ParseError } from "../blocks";
import { collapseWhitespace } from "./whitespace";

/**
 * Deeper than any real page (browsers flatten the DOM past 512 levels). htmlparser2 keeps its open
 * elements in an array it unshifts onto, so parsing time grows with the square of the nesting depth:
 * ten thousand unclosed <div>s would take seconds, a 50 MB file of them forever.
 */
const MAX_NESTING = 1_000;

/** Elements whose content is never document text: code, styling, media, form controls, site navigation. */
const SKIPPED_ELEMENTS = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "svg",
  "math",
  "canvas",
  "iframe",
  "object",
  "embed",
  "audio",
  "video",
  "button",
  "select",
  "textarea",
]);

/** Elements that end the line of text before them, so their text is never glued to a neighbour's. */
export const BLOCK_ELEMENTS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "p",
  "section",
  "summary",
  "td",
  "th",
  "tr",
]);

/** Whether an element is skipped: never-text elements, and whatever the author hid or marked as navigation. */
export function isSkipped(element: Element): boolean {
  const { attribs } = element;
  return (
    SKIPPED_ELEMENTS.has(element.name) ||
    attribs.hidden !== undefined ||
    attribs["aria-hidden"] === "true" ||
    attribs.role === "navigation" ||
    /display\s*:\s*none/i.test(attribs.style ?? "")
  );
}

/** An HTML string as a DOM tree, entities decoded; refuses pathologically deep nesting. */
export function parseHtmlTree(html: string): ChildNode[] {
  const handler = new NestingLimitedHandler();
  new Parser(handler).end(html);
  return handler.root.children;
}

class NestingLimitedHandler extends DomHandler {
  private depth = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth++;
    if (this.depth > MAX_NESTING) {
      throw new ParseError(
        `This HTML is nested too deeply to read (more than ${MAX_NESTING.toLocaleString("en")} elements inside each other).`,
      );
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

export interface DomVisitor {
  /** Called before an element's children, and for text nodes; return whether to descend. */
  enter(node: ChildNode): boolean;
  /** Called after the children of an element that was descended into. */
  exit?(element: Element): void;
}

/**
 * Visits nodes in document order with an explicit stack rather than recursion, so a page of ten
 * thousand nested <div>s cannot overflow the call stack.
 */
export function walk(nodes: readonly ChildNode[], visitor: DomVisitor): void {
  // Two parallel stacks rather than one of {node, exiting} objects: no allocation per node.
  const pending: ChildNode[] = [];
  const exiting: boolean[] = [];
  const pushChildren = (children: readonly ChildNode[]) => {
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) {
        pending.push(child);
        exiting.push(false);
      }
    }
  };
  pushChildren(nodes);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (exiting.pop()) {
      if (isTag(node)) visitor.exit?.(node);
      continue;
    }
    if (!visitor.enter(node) || !isTag(node)) continue;
    pending.push(node);
    exiting.push(true);
    pushChildren(node.children);
  }
}

/**
 * The raw text under the nodes, skipping what isSkipped skips; <br> and block boundaries become
 * line breaks so that words from neighbouring blocks or table cells stay apart.
 */
export function collectText(nodes: readonly ChildNode[]): string {
  const parts: string[] = [];
  walk(nodes, {
    enter(node) {
      if (isText(node)) {
        parts.push(node.data);
        return false;
      }
      if (!isTag(node) || isSkipped(node)) return false;
      if (node.name === "br" || BLOCK_ELEMENTS.has(node.name)) parts.push("\n");
      return true;
    },
    exit(element) {
      if (BLOCK_ELEMENTS.has(element.name)) parts.push("\n");
    },
  });
  return parts.join("");
}

/** The visible text of an HTML fragment on one line, e.g. a raw HTML block inside Markdown. */
export function htmlToText(html: string): string {
  return collapseWhitespace(collectText(parseHtmlTree(html)));
}

/** Text with its HTML character references (&amp;, &rarr;, &#169;) decoded, and nothing else changed. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  // Escaping "<" keeps the parser from reading any of the text as a tag; it decodes back to "<".
  return collectText(parseHtmlTree(text.replaceAll("<", "&lt;")));
}
