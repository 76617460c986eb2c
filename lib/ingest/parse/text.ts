import type { TextBlock } from "../blocks";
import { decodeText } from "../text-decoding";
import { BlockBuilder } from "./block-builder";

/**
 * A plain text file as paragraphs separated by blank lines, its line breaks kept (addresses, verse
 * and code-like text rely on them). Scanning line by line keeps this linear for any input, one
 * 2 MB line or a hundred thousand blank ones.
 */
export async function parseText(bytes: Uint8Array): Promise<TextBlock[]> {
  const text = decodeText(bytes).replace(/\r\n?/g, "\n");
  const builder = new BlockBuilder();
  let lines: string[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trimEnd();
    if (line) {
      lines.push(line);
    } else if (lines.length > 0) {
      builder.add("paragraph", lines.join("\n"));
      lines = [];
    }
    start = end + 1;
  }
  builder.add("paragraph", lines.join("\n"));
  return builder.blocks;
}
