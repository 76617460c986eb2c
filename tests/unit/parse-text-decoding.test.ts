import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/ingest/text-decoding";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("decodeText", () => {
  it("reads UTF-8, with or without a byte order mark", () => {
    expect(decodeText(new TextEncoder().encode("Café 极光"))).toBe("Café 极光");
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69))).toBe("hi");
  });

  it("reads UTF-16 little- and big-endian by their byte order marks", () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00))).toBe("hé");
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9))).toBe("hé");
  });

  it("falls back to windows-1252 for bytes that are not UTF-8", () => {
    // "Café €5" as saved by an old Windows editor.
    expect(decodeText(bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35))).toBe("Café €5");
  });
});
