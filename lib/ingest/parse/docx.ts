import mammoth from "mammoth";
import { ParseError, type TextBlock } from "../blocks";
import { htmlToBlocks } from "./html-blocks";
import { assertZipWithinLimits } from "./zip-limits";

/**
 * A Word document's text through mammoth's semantic HTML (Heading 1 → <h1>, bulleted paragraphs →
 * <ul>), so headings, lists and tables get the same treatment as in an HTML upload. Word documents
 * have no fixed pages, so blocks have none either.
 */
export async function parseDocx(bytes: Uint8Array): Promise<TextBlock[]> {
  await assertZipWithinLimits(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images carry no text; skipping them saves base64-encoding every picture into the HTML.
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    html = result.value;
  } catch (error) {
    throw new ParseError(
      "This file is not a readable Word document (.docx): it may be damaged, or be an older .doc file renamed to .docx.",
      { cause: error },
    );
  }
  return htmlToBlocks(html);
}
