import { describe, expect, it } from "vitest";
import { ParseError } from "@/lib/ingest/blocks";
import { parseDocx } from "@/lib/ingest/parse/docx";
import { readFixture } from "@/tests/fixtures/read-fixture";

describe("parseDocx", () => {
  it("turns Heading 1 and Heading 2 paragraphs into nested heading paths", async () => {
    const blocks = await parseDocx(readFixture("policies.docx"));
    expect(blocks.filter((block) => block.kind === "heading").map((block) => block.headingPath)).toEqual([
      ["Travel Policy"],
      ["Travel Policy", "Expenses"],
      ["Travel Policy", "Daily allowances"],
      ["Security"],
    ]);
  });

  it("keeps paragraphs whole, bold words included, with no page numbers", async () => {
    const blocks = await parseDocx(readFixture("policies.docx"));
    expect(blocks).toContainEqual({
      kind: "paragraph",
      text: "Employees book all business travel through the Compass portal. Economy class is standard for flights shorter than six hours.",
      page: null,
      headingPath: ["Travel Policy"],
    });
    expect(blocks.every((block) => block.page === null)).toBe(true);
  });

  it("keeps a bulleted list as one list block of '- item' lines", async () => {
    const blocks = await parseDocx(readFixture("policies.docx"));
    expect(blocks).toContainEqual({
      kind: "list",
      text: "- Meals up to 40 euros per day\n- Taxis when public transport is unavailable\n- Hotel stays approved by your manager",
      page: null,
      headingPath: ["Travel Policy", "Expenses"],
    });
  });

  it("keeps a table's rows readable", async () => {
    const blocks = await parseDocx(readFixture("policies.docx"));
    const table = blocks.find((block) => block.kind === "table");
    expect(table?.text).toBe("Region | Daily allowance\nEurope | 60 euros\nNorth America | 75 dollars");
  });

  it("refuses a zip that is not a Word document, and bytes that are not a zip", async () => {
    for (const bytes of [readFixture("archive.docx"), new TextEncoder().encode("just some text")]) {
      const error = await parseDocx(bytes).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ParseError);
      expect((error as Error).message).toMatch(/^This file is not a readable Word document \(\.docx\)/);
    }
  });
});
