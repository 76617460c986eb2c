import { describe, expect, it } from "vitest";
import { ParseError, type TextBlock } from "@/lib/ingest/blocks";
import { parseHtml } from "@/lib/ingest/parse/html";
import { readFixture } from "@/tests/fixtures/read-fixture";

const parseString = (html: string) => parseHtml(new TextEncoder().encode(html));
const allText = (blocks: TextBlock[]) => blocks.map((block) => block.text).join("\n");

describe("parseHtml", () => {
  it("drops scripts, styles, navigation, page chrome and drawings", async () => {
    const text = allText(await parseHtml(readFixture("faq.html")));
    expect(text).not.toContain("SHOULD NOT APPEAR");
    expect(text).not.toContain("Sign in");
    expect(text).not.toContain("newsletter");
    expect(text).not.toContain("Privacy");
    expect(text).not.toContain("font-family");
  });

  it("builds heading paths from h1–h6", async () => {
    const blocks = await parseHtml(readFixture("faq.html"));
    expect(blocks.filter((block) => block.kind === "heading").map((block) => block.headingPath)).toEqual([
      ["Customer FAQ"],
      ["Customer FAQ", "Shipping"],
      ["Customer FAQ", "Refunds & returns"],
      ["Customer FAQ", "Refunds & returns", "Exceptions"],
      ["Customer FAQ", "Plans"],
      ["Customer FAQ", "API"],
    ]);
  });

  it("collapses source whitespace and decodes entities in paragraphs", async () => {
    const blocks = await parseHtml(readFixture("faq.html"));
    expect(blocks).toContainEqual({
      kind: "paragraph",
      text: "Orders ship from the Rotterdam warehouse within 2 business days. Tracking links arrive by email.",
      page: null,
      headingPath: ["Customer FAQ", "Shipping"],
    });
  });

  it("keeps a table as 'cell | cell' rows under its caption", async () => {
    const blocks = await parseHtml(readFixture("faq.html"));
    expect(blocks.find((block) => block.kind === "table")?.text).toBe(
      [
        "Support plans",
        "Plan | Price | Support",
        "Basic | 9 €/month | Email",
        "Pro | 29 €/month | Email and phone, 8:00–20:00",
      ].join("\n"),
    );
  });

  it("keeps lists as '- item' lines with nested items indented", async () => {
    const blocks = await parseHtml(readFixture("faq.html"));
    expect(blocks.find((block) => block.kind === "list")?.text).toBe(
      [
        "- Gift cards cannot be refunded.",
        "- Custom orders can be returned only when damaged:",
        "  - report the damage within 48 hours",
        "  - include a photo",
      ].join("\n"),
    );
    const ordered = await parseString("<ol start='3'><li>three</li><li>four</li></ol>");
    expect(ordered[0]?.text).toBe("3. three\n4. four");
  });

  it("keeps preformatted code exactly", async () => {
    const blocks = await parseHtml(readFixture("faq.html"));
    expect(blocks.find((block) => block.kind === "code")?.text).toBe(
      'curl https://api.northwind.example/v1/orders \\\n  -H "Authorization: Bearer $TOKEN"',
    );
  });

  it("keeps the header of a page that does not mark its main content", async () => {
    const blocks = await parseString("<header><h1>Release notes</h1></header><p>Version 2 is out.</p>");
    expect(blocks.map((block) => block.text)).toEqual(["Release notes", "Version 2 is out."]);
  });

  it("keeps <br> line breaks and separates block elements", async () => {
    const blocks = await parseString(
      "<div>Northwind Labs<br>Dam 1<br/>Amsterdam<div>Second block</div></div>",
    );
    expect(blocks.map((block) => block.text)).toEqual(["Northwind Labs\nDam 1\nAmsterdam", "Second block"]);
  });

  it("skips what the author hid", async () => {
    const blocks = await parseString(
      '<p hidden>one</p><p aria-hidden="true">two</p><p style="display: none">three</p><p>four</p>',
    );
    expect(allText(blocks)).toBe("four");
  });

  it("reads nesting as deep as real pages get, and refuses pathological nesting quickly", async () => {
    const nested = (depth: number) => `${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}`;
    expect(allText(await parseString(nested(900)))).toBe("deep");
    const started = performance.now();
    const error = await parseString(nested(100_000)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toBe(
      "This HTML is nested too deeply to read (more than 1,000 elements inside each other).",
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
