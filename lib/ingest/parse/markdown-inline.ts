import { decodeHtmlEntities } from "./html-text";

/*
 * Markdown inline syntax reduced to the text a reader sees, in one left-to-right pass. marked's own
 * inline lexer pairs emphasis delimiters with a forward search per delimiter, which takes minutes on
 * a few hundred kilobytes of "*a_*a_…"; this pass decides each delimiter run from its neighbours
 * alone, and every lookahead stops at the next bracket or angle bracket, so the work stays linear.
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
/** Characters that can start inline syntax; everything between them is copied as it is. */
const PLAIN_RUN = /[^\\`*_~![\]<&]+/y;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/y;
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/y;
const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
/** How far a link destination may run: a URL longer than this is taken for text. */
const MAX_DESTINATION = 2_048;

/** Decoded character references, shared: a document uses few distinct ones, often many times. */
const entityCache = new Map<string, string>();

export function markdownInlineToText(source: string): string {
  const out: string[] = [];
  // Indices in `out` of the "[" or "![" that may open a link, innermost last.
  const openers: number[] = [];
  // Code span lengths known to have no closing run further on, so they are not searched for again.
  const unclosedCodeRuns = new Set<number>();
  let commentsClosable = true;
  let i = 0;
  while (i < source.length) {
    PLAIN_RUN.lastIndex = i;
    const plain = PLAIN_RUN.exec(source);
    if (plain) {
      out.push(plain[0]);
      i += plain[0].length;
      continue;
    }
    const character = source.charAt(i);
    const next = source.charAt(i + 1);
    if (character === "\\") {
      // An escaped punctuation mark is itself; a backslash before a line end is a hard line break.
      const escaped = ASCII_PUNCTUATION.test(next) || next === "\n";
      out.push(escaped ? next : character);
      i += escaped ? 2 : 1;
    } else if (character === "`") {
      const length = runLength(source, i);
      const close = unclosedCodeRuns.has(length) ? -1 : findBacktickRun(source, i + length, length);
      if (close === -1) {
        unclosedCodeRuns.add(length);
        out.push(source.slice(i, i + length));
        i += length;
      } else {
        out.push(codeSpanText(source.slice(i + length, close)));
        i = close + length;
      }
    } else if (character === "*" || character === "_" || character === "~") {
      const length = runLength(source, i);
      const isDelimiter =
        (character !== "~" || length === 2) &&
        touchesTextOnOneSide(source.charAt(i - 1), source.charAt(i + length));
      if (!isDelimiter) out.push(source.slice(i, i + length));
      i += length;
    } else if (character === "!" && next === "[") {
      openers.push(out.length);
      out.push("![");
      i += 2;
    } else if (character === "[") {
      openers.push(out.length);
      out.push("[");
      i += 1;
    } else if (character === "]") {
      const opener = openers.pop();
      const end = opener === undefined ? -1 : linkTailEnd(source, i + 1);
      if (opener !== undefined && end !== -1) {
        // A link or image: its text stays, the brackets and the destination or reference go.
        out[opener] = "";
        i = end;
      } else {
        out.push("]");
        i += 1;
      }
    } else if (character === "<") {
      if (source.startsWith("<!--", i) && commentsClosable) {
        const close = source.indexOf("-->", i + 4);
        commentsClosable = close !== -1;
        if (close !== -1) {
          i = close + 3;
          continue;
        }
      }
      AUTOLINK.lastIndex = i;
      HTML_TAG.lastIndex = i;
      const autolink = AUTOLINK.exec(source);
      const tag = autolink ? null : HTML_TAG.exec(source);
      if (autolink) {
        out.push(autolink[1] ?? "");
        i += autolink[0].length;
      } else if (tag) {
        // Tags are markup; a <br> is a line break.
        if (tag[2]?.toLowerCase() === "br" && !tag[1]) out.push("\n");
        i += tag[0].length;
      } else {
        out.push(character);
        i += 1;
      }
    } else if (character === "&") {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(source)?.[0];
      out.push(entity ? decodeEntity(entity) : character);
      i += entity ? entity.length : 1;
    } else {
      out.push(character);
      i += 1;
    }
  }
  return out.join("");
}

function runLength(source: string, start: number): number {
  const character = source.charAt(start);
  let end = start;
  while (source.charAt(end) === character) end++;
  return end - start;
}

/** Where the next run of exactly `length` backticks starts, or -1. */
function findBacktickRun(source: string, from: number, length: number): number {
  let at = source.indexOf("`", from);
  while (at !== -1) {
    const found = runLength(source, at);
    if (found === length) return at;
    at = source.indexOf("`", at + found);
  }
  return -1;
}

/** Code span content: line breaks become spaces, and one space of padding on both sides goes. */
function codeSpanText(code: string): string {
  const text = code.replaceAll("\n", " ");
  return text.length > 2 && text.startsWith(" ") && text.endsWith(" ") && text.trim()
    ? text.slice(1, -1)
    : text;
}

/**
 * Whether a run of *, _ or ~~ marks emphasis: it touches text on exactly one side, like "**bold**"
 * or "(_aside_)". A run with text on both sides ("5*3", "snake_case") or on neither (" * ") is
 * literal. CommonMark would pair openers with closers; judging each run alone keeps this linear and
 * gets ordinary prose right.
 */
function touchesTextOnOneSide(before: string, after: string): boolean {
  const opens = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
  const closes = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
  return opens !== closes;
}

/** Start and end of the text count as space. ASCII is decided without a regular expression, for speed. */
function isSpace(character: string): boolean {
  const code = character.charCodeAt(0);
  if (Number.isNaN(code)) return true;
  return code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : WHITESPACE.test(character);
}

function isPunctuation(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x80 ? ASCII_PUNCTUATION.test(character) : PUNCTUATION.test(character);
}

/**
 * After a "]": the end of a link's "(destination "title")" or "[reference]", or -1 when neither
 * follows. The scan stops at any bracket, so no stretch of text is scanned twice.
 */
function linkTailEnd(source: string, start: number): number {
  const opening = source.charAt(start);
  if (opening !== "(" && opening !== "[") return -1;
  const closing = opening === "(" ? ")" : "]";
  const limit = Math.min(source.length, start + MAX_DESTINATION);
  let depth = 0;
  for (let i = start + 1; i < limit; i++) {
    const character = source.charAt(i);
    if (character === "\\") i++;
    else if (character === closing && depth === 0) return i + 1;
    else if (opening === "(" && character === ")") depth--;
    else if (opening === "(" && character === "(") depth++;
    else if (character === "[" || character === "]") return -1;
    else if (character === "\n" && source.charAt(i + 1) === "\n") return -1;
  }
  return -1;
}

function decodeEntity(entity: string): string {
  let decoded = entityCache.get(entity);
  if (decoded === undefined) {
    decoded = decodeHtmlEntities(entity);
    // Numeric references can vary without end; bound what is kept.
    if (entityCache.size < 4_096) entityCache.set(entity, decoded);
  }
  return decoded;
}
