import { fileTypeFromBuffer } from "file-type";
import type { DocumentFormat } from "./blocks";
import { decodeText } from "./text-decoding";

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  ".pdf": "pdf",
  ".docx": "docx",
  ".html": "html",
  ".htm": "html",
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
  ".csv": "csv",
};

/** File name extensions Docent ingests, lower case with the dot: for file pickers and CLI help. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

const MIME_TYPE_BY_FORMAT: Readonly<Record<DocumentFormat, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  markdown: "text/markdown",
  text: "text/plain",
  csv: "text/csv",
};

/** How many characters at the start of a text file are checked for control characters. */
const TEXT_SAMPLE_LENGTH = 64 * 1024;

export interface DetectedFormat {
  format: DocumentFormat;
  mimeType: string;
}

/**
 * The format of an uploaded file, judged by its name's extension and its content together, or null
 * when Docent does not take it: a PDF or DOCX must carry that format's signature, and a text format
 * must be text. The client's Content-Type is never consulted, since any client can send any.
 */
export async function detectDocumentFormat(
  bytes: Uint8Array,
  fileName: string,
): Promise<DetectedFormat | null> {
  const format = formatFromFileName(fileName);
  if (!format) return null;
  const detected = await signatureOf(bytes);
  const matches =
    format === "pdf" || format === "docx"
      ? detected === format
      : // A text format is judged by whether it is text, not by file-type's verdict: some signatures are
        // two printable letters ("BM" is BMP, "MZ" is an .exe) that ordinary prose can start with. Real
        // binaries (ELF, PE, Mach-O, images, archives) all have NUL bytes in their first few bytes.
        // A PDF is the exception, since an uncompressed one can be all text.
        detected !== "pdf" && looksLikeText(bytes);
  return matches ? { format, mimeType: MIME_TYPE_BY_FORMAT[format] } : null;
}

function formatFromFileName(fileName: string): DocumentFormat | null {
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0) return null;
  return FORMAT_BY_EXTENSION[fileName.slice(dot).toLowerCase()] ?? null;
}

/** file-type's name for the format its magic bytes show, e.g. "pdf", "docx", "zip", "elf". */
async function signatureOf(bytes: Uint8Array): Promise<string | undefined> {
  try {
    return (await fileTypeFromBuffer(bytes))?.ext;
  } catch {
    // A malformed archive can make file-type give up; then the bytes match no signature.
    return undefined;
  }
}

/**
 * Text decodes with no NUL characters (a UTF-16 file without a byte order mark is refused here) and
 * almost no other control characters; a stray form feed or escape is tolerated.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const text = decodeText(bytes);
  if (text.includes("\0")) return false;
  const sampleLength = Math.min(text.length, TEXT_SAMPLE_LENGTH);
  let suspicious = 0;
  for (let i = 0; i < sampleLength; i++) {
    if (isSuspiciousCharacter(text.charCodeAt(i))) suspicious++;
  }
  return suspicious <= sampleLength / 100;
}

/** C0 and C1 control characters other than whitespace, and U+FFFD from undecodable UTF-16. */
function isSuspiciousCharacter(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffd;
}
