import type { TextBlock } from "../blocks";
import { decodeText } from "../text-decoding";
import { htmlToBlocks } from "./html-blocks";

/** An HTML page's text without its scripts, styles and navigation. HTML parsing never fails. */
export async function parseHtml(bytes: Uint8Array): Promise<TextBlock[]> {
  return htmlToBlocks(decodeText(bytes));
}
