import { describe, expect, it } from "vitest";
import { ParseError, type TextBlock } from "@/lib/ingest/blocks";
import { parsePdf } from "@/lib/ingest/parse/pdf";
import { PDF_LIMITS, type PdfReadLimits } from "@/lib/ingest/parse/pdf-text-runs";
import { readFixture } from "@/tests/fixtures/read-fixture";

async function parseError(bytes: Uint8Array, limits?: PdfReadLimits): Promise<ParseError> {
  const error = await parsePdf(bytes, limits).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

function blockWith(blocks: TextBlock[], text: string): TextBlock | undefined {
  return blocks.find((block) => block.text.includes(text));
}

describe("parsePdf", () => {
  it("reads each page's text with its 1-based page number", async () => {
    const blocks = await parsePdf(readFixture("handbook.pdf"));
    expect(blockWith(blocks, "The Aurora project launched in 2019")?.page).toBe(1);
    expect(blockWith(blocks, "Refunds are processed within 14 days")?.page).toBe(2);
    expect(blockWith(blocks, "closed on the first Monday of August")?.page).toBe(3);
    expect(new Set(blocks.map((block) => block.page))).toEqual(new Set([1, 2, 3]));
  });

  it("joins a paragraph's wrapped lines with spaces and keeps paragraphs apart", async () => {
    const blocks = await parsePdf(readFixture("handbook.pdf"));
    expect(blocks).toContainEqual({
      kind: "paragraph",
      text: "Refunds are processed within 14 days of receiving the returned item. The customer receives an email as soon as the refund is issued.",
      page: 2,
      headingPath: ["Refunds and Returns"],
    });
    expect(blockWith(blocks, "Items bought in a sale")?.text).toBe(
      "Items bought in a sale can be returned for store credit only.",
    );
  });

  it("keeps words drawn as separate runs apart", async () => {
    const blocks = await parsePdf(readFixture("handbook.pdf"));
    expect(blockWith(blocks, "Contact:")?.text).toBe("Contact: people@northwind.example");
  });

  it("takes titles set in larger type for headings", async () => {
    const blocks = await parsePdf(readFixture("handbook.pdf"));
    const headings = blocks.filter((block) => block.kind === "heading");
    expect(headings.map((block) => [block.text, block.page])).toEqual([
      ["Employee Handbook", 1],
      ["Refunds and Returns", 2],
      ["Working Hours", 3],
    ]);
    expect(blockWith(blocks, "first Monday of August")?.headingPath).toEqual(["Working Hours"]);
  });

  it("leaves the caller's bytes usable", async () => {
    const bytes = readFixture("handbook.pdf");
    await parsePdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(await parsePdf(bytes)).not.toHaveLength(0);
  });

  it("explains a damaged PDF, a password-protected one and one without text, each differently", async () => {
    const corrupt = await parseError(readFixture("corrupt.pdf"));
    const encrypted = await parseError(readFixture("encrypted.pdf"));
    const scanned = await parseError(readFixture("scanned.pdf"));
    expect(corrupt.message).toBe(
      "This file is not a readable PDF: it may be damaged or incomplete. Try saving or exporting it again.",
    );
    expect(encrypted.message).toMatch(/^This PDF is password-protected\./);
    expect(scanned.message).toBe(
      "This PDF has no text layer — scanned pages need OCR, which Docent does not do yet.",
    );
  });

  it("refuses what is not a PDF at all without crashing", async () => {
    expect((await parseError(readFixture("program.pdf"))).message).toMatch(/not a readable PDF/);
    expect((await parseError(new Uint8Array(0))).message).toMatch(/not a readable PDF/);
    expect((await parseError(new TextEncoder().encode("%PDF-1.7\nhello"))).message).toMatch(
      /not a readable PDF/,
    );
  });

  describe("a PDF that would cost too much to read fails on its own, with a reason", () => {
    it("has more pages than allowed", async () => {
      const error = await parseError(readFixture("handbook.pdf"), { ...PDF_LIMITS, maxPages: 1 });
      expect(error.message).toMatch(/has \d+ pages; Docent reads PDFs of up to 1 pages/);
    });

    it("takes longer than allowed", async () => {
      const error = await parseError(readFixture("handbook.pdf"), { ...PDF_LIMITS, timeoutMs: 1 });
      expect(error.message).toMatch(/took more than 0 seconds to read/);
    });

    it("needs more memory than allowed", async () => {
      const error = await parseError(readFixture("handbook.pdf"), { ...PDF_LIMITS, maxHeapMb: 4 });
      expect(error.message).toMatch(/needed more than 4 MB of memory/);
    });

    it("and the next PDF reads normally", async () => {
      const blocks = await parsePdf(readFixture("handbook.pdf"));
      expect(blocks.length).toBeGreaterThan(0);
    });
  });
});
