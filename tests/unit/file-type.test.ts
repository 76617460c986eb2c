import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ACCEPTED_EXTENSIONS, detectDocumentFormat } from "@/lib/ingest/file-type";
import { readFixture } from "@/tests/fixtures/read-fixture";

const text = (content: string) => new TextEncoder().encode(content);
const PNG_START = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
/** The "MZ" header every Windows executable starts with. */
const PE_START = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

describe("detectDocumentFormat", () => {
  it.each([
    ["handbook.pdf", "pdf", "application/pdf"],
    ["corrupt.pdf", "pdf", "application/pdf"],
    ["encrypted.pdf", "pdf", "application/pdf"],
    ["scanned.pdf", "pdf", "application/pdf"],
    ["policies.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["faq.html", "html", "text/html"],
    ["onboarding.md", "markdown", "text/markdown"],
    ["notes-utf16.txt", "text", "text/plain"],
    ["handbook-zh.txt", "text", "text/plain"],
    ["offices.csv", "csv", "text/csv"],
  ])("accepts %s as %s", async (name, format, mimeType) => {
    expect(await detectDocumentFormat(readFixture(name), name)).toEqual({ format, mimeType });
  });

  it("goes by the extension whatever its case, and accepts the alternative ones", async () => {
    expect((await detectDocumentFormat(readFixture("handbook.pdf"), "SCAN.PDF"))?.format).toBe("pdf");
    expect((await detectDocumentFormat(readFixture("faq.html"), "faq.htm"))?.format).toBe("html");
    expect((await detectDocumentFormat(readFixture("onboarding.md"), "guide.markdown"))?.format).toBe(
      "markdown",
    );
  });

  it("refuses an executable whatever it is named", async () => {
    const elf = readFixture("program.pdf");
    for (const name of ["program.pdf", "program.txt", "program.md", "program.csv", "program.docx"]) {
      expect(await detectDocumentFormat(elf, name)).toBeNull();
    }
    expect(await detectDocumentFormat(PE_START, "setup.txt")).toBeNull();
  });

  it("refuses images, zips and PDFs named as text", async () => {
    expect(await detectDocumentFormat(PNG_START, "photo.md")).toBeNull();
    expect(await detectDocumentFormat(PNG_START, "photo.pdf")).toBeNull();
    expect(await detectDocumentFormat(readFixture("archive.docx"), "archive.txt")).toBeNull();
    expect(await detectDocumentFormat(readFixture("handbook.pdf"), "handbook.txt")).toBeNull();
    expect(await detectDocumentFormat(text("%PDF-1.4\n1 0 obj << >> endobj\n"), "plain.txt")).toBeNull();
  });

  it("refuses a .docx that is a plain zip, text or a PDF", async () => {
    expect(await detectDocumentFormat(readFixture("archive.docx"), "archive.docx")).toBeNull();
    expect(await detectDocumentFormat(text("Travel Policy\n"), "policy.docx")).toBeNull();
    expect(await detectDocumentFormat(readFixture("handbook.pdf"), "handbook.docx")).toBeNull();
    const spreadsheet = new JSZip();
    spreadsheet.file(
      "[Content_Types].xml",
      '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    );
    spreadsheet.file("xl/workbook.xml", "<workbook/>");
    expect(
      await detectDocumentFormat(await spreadsheet.generateAsync({ type: "uint8array" }), "book.docx"),
    ).toBeNull();
  });

  it("refuses a text file that does not start like a PDF, named .pdf", async () => {
    expect(await detectDocumentFormat(text("Employee Handbook"), "handbook.pdf")).toBeNull();
  });

  it("refuses UTF-16 without a byte order mark and binary noise named as text", async () => {
    const utf16WithoutMark = readFixture("notes-utf16.txt").subarray(2);
    expect(await detectDocumentFormat(utf16WithoutMark, "notes.txt")).toBeNull();
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await detectDocumentFormat(noise, "noise.csv")).toBeNull();
  });

  it("accepts prose that happens to begin like a binary signature", async () => {
    // "BM" is BMP's signature, "MZ" an executable's, "solid " an STL model's.
    for (const content of [
      "BMW opened a plant in 2019.",
      "MZ was the first motorcycle.",
      "solid state drives",
    ]) {
      expect((await detectDocumentFormat(text(content), "notes.txt"))?.format).toBe("text");
    }
  });

  it("accepts Latin-1 text from an old Windows editor", async () => {
    const windows1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x0d, 0x0a]);
    expect((await detectDocumentFormat(windows1252, "menu.txt"))?.format).toBe("text");
  });

  it("refuses unknown or missing extensions", async () => {
    expect(await detectDocumentFormat(text("hello"), "notes")).toBeNull();
    expect(await detectDocumentFormat(text("hello"), "notes.rtf")).toBeNull();
    expect(await detectDocumentFormat(text("hello"), ".txt")).toBeNull();
    expect(await detectDocumentFormat(readFixture("program.pdf"), "program")).toBeNull();
  });

  it("lists every accepted extension for pickers and help text", () => {
    expect([...ACCEPTED_EXTENSIONS].sort()).toEqual(
      [".csv", ".docx", ".htm", ".html", ".markdown", ".md", ".pdf", ".txt"].sort(),
    );
  });
});
