import { describe, expect, it } from "vitest";
import { type DocumentFormat, ParseError } from "@/lib/ingest/blocks";
import { parseDocument } from "@/lib/ingest/parse";
import { readFixture } from "@/tests/fixtures/read-fixture";

describe("parseDocument", () => {
  it.each<[string, DocumentFormat, string]>([
    ["handbook.pdf", "pdf", "The Aurora project launched in 2019"],
    ["policies.docx", "docx", "Economy class is standard"],
    ["faq.html", "html", "Refunds are processed within 14 days"],
    ["onboarding.md", "markdown", "buddy for the first month"],
    ["handbook-zh.txt", "text", "极光项目于2019年启动"],
    ["offices.csv", "csv", "Hub for the Aurora support team"],
  ])("reads %s as %s", async (name, format, expected) => {
    const blocks = await parseDocument(readFixture(name), format);
    expect(blocks.some((block) => block.text.includes(expected))).toBe(true);
  });

  it.each<[string, DocumentFormat]>([
    ["", "text"],
    ["\n\n   \n", "text"],
    ["<script>alert(1)</script><nav>Home</nav>", "html"],
    ["<!-- nothing -->\n\n---\n", "markdown"],
    ["", "csv"],
  ])("refuses a document with no text (%j as %s)", async (content, format) => {
    const error = await parseDocument(new TextEncoder().encode(content), format).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toBe("This file contains no text, so there is nothing to search.");
  });
});
