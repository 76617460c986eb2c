import { describe, expect, it } from "vitest";
import { parseMarkdown } from "@/lib/ingest/parse/markdown";
import { markdownInlineToText } from "@/lib/ingest/parse/markdown-inline";

describe("markdownInlineToText", () => {
  it("drops emphasis markers", () => {
    expect(markdownInlineToText("**bold**, *em*, _under_, ~~gone~~ and (*aside*).")).toBe(
      "bold, em, under, gone and (aside).",
    );
  });

  it("leaves asterisks and underscores that are not emphasis", () => {
    expect(markdownInlineToText("5*3 = 15, snake_case_name, 2 * 3, ~5 minutes")).toBe(
      "5*3 = 15, snake_case_name, 2 * 3, ~5 minutes",
    );
  });

  it("keeps the text of links and images and drops their destinations", () => {
    expect(
      markdownInlineToText('[IT desk](https://it.example/a_(b) "Help"), ![logo](l.png), [guide][1] and [1]'),
    ).toBe("IT desk, logo, guide and [1]");
  });

  it("keeps code spans verbatim", () => {
    expect(markdownInlineToText("Run `a*b &amp; c` or `` a ` b ``.")).toBe("Run a*b &amp; c or a ` b.");
  });

  it("decodes entities and escapes, drops tags and comments, keeps autolinks", () => {
    expect(markdownInlineToText("a &amp; b &rarr; &#169; &bogus; \\*x\\*")).toBe("a & b → © &bogus; *x*");
    expect(markdownInlineToText("<kbd>Ctrl</kbd>+<kbd>C</kbd> <!-- no --><https://x.example>")).toBe(
      "Ctrl+C https://x.example",
    );
    expect(markdownInlineToText("one<br>two")).toBe("one\ntwo");
  });

  it("stays linear on input made to defeat emphasis and link matching", async () => {
    const hostile = [
      "*a_",
      "**a",
      "__a",
      "_a*b",
      "~~a*",
      "[](",
      "[a](",
      "![",
      "`a",
      "<a ",
      "<!--",
      "](",
      "\\",
    ];
    for (const unit of hostile) {
      const started = performance.now();
      await parseMarkdown(new TextEncoder().encode(unit.repeat(Math.ceil(500_000 / unit.length))));
      expect(performance.now() - started, unit).toBeLessThan(1_500);
    }
  });

  it("stays fast on deeply nested lists and quotes", async () => {
    const list = Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i * 2)}- item ${i}`).join("\n");
    const quotes = `${">".repeat(5_000)} deep`;
    for (const source of [list, quotes]) {
      const started = performance.now();
      const blocks = await parseMarkdown(new TextEncoder().encode(source));
      expect(blocks.length).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });
});
