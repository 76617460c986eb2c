import type { Readable } from "node:stream";
import { type Entry, fromBufferPromise, type ZipFile } from "yauzl";
import { ParseError } from "../blocks";

/** What a Word document may unpack to. Real ones are a few MB of XML in a few dozen entries. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Uncompressed to compressed size, checked for entries over a megabyte; XML packs ~10:1. */
  maxRatio: number;
}

export const DOCX_LIMITS: ZipLimits = { maxEntries: 5_000, maxTotalBytes: 256 * 1024 * 1024, maxRatio: 200 };
const RATIO_CHECKED_FROM = 1024 * 1024;

const TOO_BIG =
  "This Word document unpacks to far more data than a document holds (a zip bomb?), so it was not opened.";

/**
 * Refuses a zip (a .docx) that would unpack to too much — too many entries, too many bytes in all,
 * or a compression ratio no document has — before anything unpacks it in memory. The sizes an
 * archive declares can lie, so every entry is also inflated once as a stream, counting bytes and
 * keeping none; yauzl stops an entry that inflates past its declared size.
 */
export async function assertZipWithinLimits(
  bytes: Uint8Array,
  limits: ZipLimits = DOCX_LIMITS,
): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      validateEntrySizes: true,
    });
  } catch (error) {
    throw new ParseError("This file is not a readable Word document (.docx): its zip structure is damaged.", {
      cause: error,
    });
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new ParseError(TOO_BIG);
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      checkDeclaredSize(entry, limits, total);
      if (entry.fileName.endsWith("/")) continue;
      if (entry.isEncrypted()) {
        throw new ParseError("This Word document is encrypted. Save an unprotected copy and upload that.");
      }
      await drain(await zip.openReadStreamPromise(entry));
    }
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError(TOO_BIG, { cause: error });
  } finally {
    zip.close();
  }
}

function checkDeclaredSize(entry: Entry, limits: ZipLimits, totalSoFar: number): void {
  if (totalSoFar > limits.maxTotalBytes) throw new ParseError(TOO_BIG);
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > RATIO_CHECKED_FROM && ratio > limits.maxRatio) throw new ParseError(TOO_BIG);
}

async function drain(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // Only the byte count matters, and yauzl checks it against the declared size.
  }
}
