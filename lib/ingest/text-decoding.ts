function encodingFromByteOrderMark(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * The text of a text file, without its byte order mark: in the encoding its byte order mark names,
 * else UTF-8 when the bytes are valid UTF-8, else windows-1252 — what "ANSI" text from Windows is in
 * practice, and a superset of Latin-1, so every byte still decodes to something.
 */
export function decodeText(bytes: Uint8Array): string {
  // TextDecoder drops a byte order mark that matches its encoding.
  const marked = encodingFromByteOrderMark(bytes);
  if (marked) return new TextDecoder(marked).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
