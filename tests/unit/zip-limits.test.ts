import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseDocx } from "@/lib/ingest/parse/docx";
import { assertZipWithinLimits, DOCX_LIMITS } from "@/lib/ingest/parse/zip-limits";
import { readFixture } from "../fixtures/read-fixture";

async function zipOf(entries: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

describe("assertZipWithinLimits", () => {
  it("lets a real Word document through", async () => {
    await expect(
      assertZipWithinLimits(new Uint8Array(readFixture("policies.docx"))),
    ).resolves.toBeUndefined();
  });

  it("refuses too many entries", async () => {
    const entries = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`part${i}.xml`, "<a/>"]));
    await expect(
      assertZipWithinLimits(await zipOf(entries), { ...DOCX_LIMITS, maxEntries: 20 }),
    ).rejects.toThrow(/zip bomb/);
  });

  it("refuses more unpacked bytes than the limit", async () => {
    const entries = { "a.xml": "x".repeat(600_000), "b.xml": "y".repeat(600_000) };
    await expect(
      assertZipWithinLimits(await zipOf(entries), { ...DOCX_LIMITS, maxTotalBytes: 1_000_000 }),
    ).rejects.toThrow(/zip bomb/);
  });

  it("refuses an entry compressed beyond any document's ratio", async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    await expect(assertZipWithinLimits(await zipOf({ "word/document.xml": zeros }))).rejects.toThrow(
      /zip bomb/,
    );
  });

  it("refuses an entry that inflates past the size it declares", async () => {
    const bytes = await zipOf({ "word/document.xml": "z".repeat(200_000) });
    // Rewrite the declared uncompressed size (central directory, offset 24 of the entry) to 1 KB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let central = bytes.length - 4;
    while (view.getUint32(central, true) !== 0x02014b50) central -= 1;
    view.setUint32(central + 24, 1024, true);
    await expect(assertZipWithinLimits(bytes)).rejects.toThrow(/zip bomb/);
  });

  it("fails a zip-bomb .docx as a parse error with a reason, before mammoth unpacks it", async () => {
    const bomb = await zipOf({
      "[Content_Types].xml": "<Types/>",
      "word/document.xml": new Uint8Array(300 * 1024 * 1024),
    });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await expect(parseDocx(bomb)).rejects.toMatchObject({
      name: "ParseError",
      message: expect.stringMatching(/zip bomb/),
    });
  }, 60_000);
});
