import { describe, expect, it } from "vitest";
import { ParseError } from "@/lib/ingest/blocks";
import { parseCsv } from "@/lib/ingest/parse/csv";
import { readFixture } from "@/tests/fixtures/read-fixture";

const parseString = (csv: string) => parseCsv(new TextEncoder().encode(csv));
const HEADER = "city | employees | opened | notes";

describe("parseCsv", () => {
  it("groups rows into blocks that each start with the header line", async () => {
    const blocks = await parseCsv(readFixture("offices.csv"));
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      const [header, ...rows] = block.text.split("\n");
      expect(block.kind).toBe("rows");
      expect(header).toBe(HEADER);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(20);
    }
  });

  it("keeps every data row once, in order", async () => {
    const blocks = await parseCsv(readFixture("offices.csv"));
    const rows = blocks.flatMap((block) => block.text.split("\n").slice(1));
    expect(rows).toHaveLength(44);
    expect(rows[0]).toBe("Amsterdam | 10 | 2005 |");
    expect(rows.at(-2)).toBe("Lisbon | 85 | 2016 | Hub for the Aurora support team, open 24/7");
  });

  it("reads quoted commas, escaped quotes and line breaks inside a value", async () => {
    const blocks = await parseCsv(readFixture("offices.csv"));
    expect(blocks.at(-1)?.text.split("\n").at(-1)).toBe(
      'Porto | 12 | 2021 | Opened after the "Douro" acquisition; shares a building with a bakery',
    );
  });

  it("finds the delimiter of a semicolon-separated file", async () => {
    const blocks = await parseString("Produkt;Preis\nKaffee;3,50\n");
    expect(blocks[0]?.text).toBe("Produkt | Preis\nKaffee | 3,50");
  });

  it("keeps wide rows to blocks of a readable size", async () => {
    const row = `${"x".repeat(300)},${"y".repeat(300)}`;
    const blocks = await parseString(`a,b\n${`${row}\n`.repeat(10)}`);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.every((block) => block.text.length <= 1_600)).toBe(true);
  });

  it("explains a quote that is never closed", async () => {
    const error = await parseString('name,note\nAda,"unfinished\n').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toBe(
      "This CSV file could not be read: a quoted value is never closed. Check for a stray double quote.",
    );
  });
});
