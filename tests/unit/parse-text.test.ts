import { describe, expect, it } from "vitest";
import { parseText } from "@/lib/ingest/parse/text";
import { readFixture } from "@/tests/fixtures/read-fixture";

const parseString = (text: string) => parseText(new TextEncoder().encode(text));

describe("parseText", () => {
  it("splits paragraphs on blank lines and keeps line breaks inside them", async () => {
    const blocks = await parseString("First line\nsecond line\n\n \t\n\nNext paragraph\r\n\r\nLast\r\n");
    expect(blocks.map((block) => block.text)).toEqual(["First line\nsecond line", "Next paragraph", "Last"]);
    expect(blocks.every((block) => block.kind === "paragraph" && block.page === null)).toBe(true);
  });

  it("decodes UTF-16 with a byte order mark", async () => {
    const blocks = await parseText(readFixture("notes-utf16.txt"));
    expect(blocks.map((block) => block.text)).toEqual([
      "Meeting notes — Café Olé, Lisbon",
      "The Aurora project budget for 2024 is 2.4 million euros (€).\nNext review: 3 March.",
    ]);
  });

  it("keeps Chinese text intact", async () => {
    const blocks = await parseText(readFixture("handbook-zh.txt"));
    expect(blocks).toHaveLength(5);
    expect(blocks[2]?.text).toBe(
      "极光项目于2019年启动，目前为12个国家的客户提供服务。它是我们规模最大的产品，大多数团队都参与其中。",
    );
  });

  it("stays fast on a hundred thousand blank lines and on one 2 MB line", async () => {
    const started = performance.now();
    const blank = await parseString(`a${"\n \n".repeat(100_000)}b`);
    const long = await parseString("word ".repeat(400_000));
    expect(blank.map((block) => block.text)).toEqual(["a", "b"]);
    expect(long[0]?.text.length).toBe(1_999_999);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
