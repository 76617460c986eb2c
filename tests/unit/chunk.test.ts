import { countTokens as countWithGptTokenizer } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import type { TextBlock } from "@/lib/ingest/blocks";
import { type Chunk, chunkBlocks, countTokens } from "@/lib/ingest/chunk";
import { readFixture } from "@/tests/fixtures/read-fixture";

const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

function block(text: string, options: Partial<Omit<TextBlock, "text">> = {}): TextBlock {
  return { kind: "paragraph", page: null, headingPath: [], ...options, text };
}

/** A deterministic pseudo-random source, so failures reproduce. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const VOCABULARY = (
  "the of and to in is was for that with as on by at from this which be are it an or not have has had " +
  "refund request customer order shipping warehouse policy employee manager holiday approval invoice " +
  "payment account password laptop security training deadline quarter revenue budget report office " +
  "contract supplier delivery schedule meeting colleague department handbook guideline exception " +
  "within fourteen days after receiving returned item unless otherwise agreed writing northwind aurora"
).split(" ");

/** English-like prose: sentences of 6–30 words, paragraphs of 1–12 sentences. */
function prose(paragraphs: number, seed: number): string[] {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: paragraphs }, () => {
    const sentences = Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
      const words = Array.from({ length: 6 + Math.floor(random() * 25) }, () => pick(VOCABULARY));
      const sentence = words.join(" ").replace(/ (\w+) /, " $1, ");
      return sentence.charAt(0).toUpperCase() + sentence.slice(1) + pick([".", ".", ".", "?", "!"]);
    });
    return sentences.join(" ");
  });
}

/** A handbook: headings over several pages, paragraphs, a list and a table. */
function handbook(): TextBlock[] {
  const blocks: TextBlock[] = [];
  let seed = 1;
  for (const page of [1, 2, 3]) {
    for (const title of ["Refunds", "Holidays", "Security"]) {
      const headingPath = ["Employee handbook", `${title} (page ${page})`];
      blocks.push(block(headingPath[1] as string, { kind: "heading", page, headingPath }));
      for (const text of prose(6, seed++)) blocks.push(block(text, { page, headingPath }));
      blocks.push(
        block("- Ask your manager\n- File the form\n  - within 14 days", { kind: "list", page, headingPath }),
      );
      blocks.push(block("Region | Days\nNorth | 25\nSouth | 27", { kind: "table", page, headingPath }));
    }
  }
  return blocks;
}

/** Whitespace-insensitive form, for comparing chunk text with the source. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Consecutive chunks that share a page and a heading path. */
function sectionsOf(chunks: Chunk[]): Chunk[][] {
  const sections: Chunk[][] = [];
  for (const chunk of chunks) {
    const last = sections.at(-1)?.at(-1);
    if (last && last.page === chunk.page && last.headingPath.join("/") === chunk.headingPath.join("/")) {
      sections.at(-1)?.push(chunk);
    } else {
      sections.push([chunk]);
    }
  }
  return sections;
}

/** The longest end of `before` that `after` starts with, at a whitespace boundary. */
function sharedText(before: string, after: string): string {
  for (let length = Math.min(before.length, after.length); length > 0; length--) {
    const tail = before.slice(before.length - length);
    if (
      after.startsWith(tail) &&
      (length === before.length || /\s/.test(before[before.length - length - 1] ?? ""))
    ) {
      return tail;
    }
  }
  return "";
}

/** The best of three timings of chunkBlocks(make(scale)), in milliseconds, after a warm-up run. */
function timeChunking(make: (scale: number) => TextBlock[], scale: number): number {
  const blocks = make(scale);
  chunkBlocks(blocks);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    chunkBlocks(blocks);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function expectLinear(make: (scale: number) => TextBlock[]) {
  const small = timeChunking(make, 1);
  const large = timeChunking(make, 10);
  // Generous: quadratic work would take ~100× as long for 10× the input.
  expect(large / Math.max(small, 1)).toBeLessThan(30);
}

function randomLine(length: number, seed: number): string {
  const random = randomSource(seed);
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
}

const chineseHandbook = new TextDecoder().decode(readFixture("handbook-zh.txt"));
/** The Chinese handbook's sentences run together with no spaces or line breaks, `copies` times over. */
function chineseWithoutSpaces(copies: number): string {
  return chineseHandbook.replace(/\s+/g, "").repeat(copies);
}

describe("countTokens", () => {
  it("agrees with gpt-tokenizer's o200k_base on prose, code, CJK and odd whitespace", () => {
    const samples = [
      ...prose(20, 7),
      chineseHandbook,
      "const total = items.reduce((sum, item) => sum + item.price, 0);\n\n\t// done\r\n",
      "  leading and trailing  \n\n\n  spaces\u00a0and\u3000wide\u2028separators ",
      "path/to/file.txt\n/etc/hosts.\n\n/usr/bin — “quotes” and émojis 😀👍🏽 and <|endoftext|>",
      "They'll say it's John's; WE'RE sure. 1234567 3.14159 1,000,000",
    ];
    for (const sample of samples)
      expect(countTokens(sample)).toBe(countWithGptTokenizer(sample, AS_PLAIN_TEXT));
  });

  it("agrees with gpt-tokenizer on thousands of random mixes of tricky pieces", () => {
    const pieces = [
      "a",
      "Zebra",
      " ",
      "  ",
      "\n",
      "\n\n",
      "\r\n",
      "\t",
      ".",
      ",",
      "/",
      "'s",
      "123",
      "你好",
      "。",
    ];
    pieces.push("é", "\u0301", "\u00a0", "😀", "—", '"', "(", "x\n/", " \n ", "ing", "://", "<|endoftext|>");
    const random = randomSource(42);
    for (let i = 0; i < 3000; i++) {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => pieces[Math.floor(random() * pieces.length)],
      );
      const text = parts.join("");
      expect(countTokens(text), JSON.stringify(text)).toBe(countWithGptTokenizer(text, AS_PLAIN_TEXT));
    }
  });
});

describe("chunkBlocks", () => {
  it("keeps every chunk within the target, with its exact token count", () => {
    for (const targetTokens of [32, 100, 300]) {
      const chunks = chunkBlocks(handbook(), { targetTokens });
      expect(chunks.length).toBeGreaterThan(3);
      for (const chunk of chunks) {
        expect(chunk.tokenCount).toBe(countWithGptTokenizer(chunk.content, AS_PLAIN_TEXT));
        expect(chunk.tokenCount).toBeLessThanOrEqual(targetTokens);
      }
    }
  });

  it("packs small paragraphs under one heading together, so only a section's last chunk is small", () => {
    const paragraphs = prose(200, 3).map((text) => block(text, { headingPath: ["Policies"] }));
    const chunks = chunkBlocks(paragraphs);
    const total = paragraphs.reduce((sum, { text }) => sum + countTokens(text), 0);
    expect(chunks.length).toBeLessThan((total / 300) * 1.6);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.tokenCount).toBeGreaterThanOrEqual(300 / 4);
  });

  it("repeats the end of the previous chunk, from a word on, at the start of the next one in a section", () => {
    const chunks = chunkBlocks(handbook(), { targetTokens: 120, overlapTokens: 20 });
    let pairs = 0;
    let sharedTokens = 0;
    for (const section of sectionsOf(chunks)) {
      for (let i = 1; i < section.length; i++) {
        const shared = sharedText((section[i - 1] as Chunk).content, (section[i] as Chunk).content);
        expect(shared, `chunk ${i} of ${section[0]?.headingPath.join(" / ")}`).not.toBe("");
        pairs++;
        sharedTokens += countTokens(shared);
      }
    }
    expect(pairs).toBeGreaterThan(10);
    expect(sharedTokens / pairs).toBeGreaterThan(10);
    expect(sharedTokens / pairs).toBeLessThanOrEqual(24);
  });

  it("shares no text across a heading or a page", () => {
    const blocks = handbook();
    const chunks = chunkBlocks(blocks, { targetTokens: 120, overlapTokens: 20 });
    const sections = sectionsOf(chunks);
    expect(sections).toHaveLength(9);
    for (const [first] of sections) {
      // Each section's first chunk opens with its heading: nothing from the section before.
      expect(first?.content.startsWith(first.headingPath.at(-1) as string)).toBe(true);
    }
  });

  it("gives every chunk the page and heading path of the text it holds", () => {
    const blocks = handbook();
    for (const chunk of chunkBlocks(blocks, { targetTokens: 100 })) {
      const source = blocks
        .filter((b) => b.page === chunk.page && b.headingPath.join("/") === chunk.headingPath.join("/"))
        .map((b) => b.text)
        .join(" ");
      expect(squash(source)).toContain(squash(chunk.content));
    }
  });

  it("starts a chapter title's chunk with its first sub-heading instead of leaving the title alone", () => {
    const chunks = chunkBlocks([
      block("Handbook", { kind: "heading", headingPath: ["Handbook"] }),
      block("Refunds", { kind: "heading", headingPath: ["Handbook", "Refunds"] }),
      block("Refunds are paid within 14 days.", { headingPath: ["Handbook", "Refunds"] }),
      block("Holidays", { kind: "heading", headingPath: ["Handbook", "Holidays"] }),
      block("Everyone gets 25 days.", { headingPath: ["Handbook", "Holidays"] }),
    ]);
    expect(chunks).toEqual([
      {
        content: "Handbook\n\nRefunds\n\nRefunds are paid within 14 days.",
        tokenCount: countTokens("Handbook\n\nRefunds\n\nRefunds are paid within 14 days."),
        page: null,
        headingPath: ["Handbook", "Refunds"],
      },
      {
        content: "Holidays\n\nEveryone gets 25 days.",
        tokenCount: countTokens("Holidays\n\nEveryone gets 25 days."),
        page: null,
        headingPath: ["Handbook", "Holidays"],
      },
    ]);
  });

  it("never starts or ends a chunk in the middle of a word of English text", () => {
    const text = ` ${squash(prose(60, 11).join(" "))} `;
    const chunks = chunkBlocks([block(text)], { targetTokens: 50, overlapTokens: 8 });
    expect(chunks.length).toBeGreaterThan(20);
    for (const chunk of chunks) {
      // Bounded by spaces in the source: the chunk begins and ends on whole words.
      expect(text).toContain(` ${squash(chunk.content)} `);
    }
  });

  it("adds no text of its own: every chunk is a stretch of the document", () => {
    const blocks = handbook();
    const document = squash(blocks.map((b) => b.text).join(" "));
    for (const chunk of chunkBlocks(blocks, { targetTokens: 80 })) {
      expect(document).toContain(squash(chunk.content));
    }
  });

  it("keeps code indentation and list nesting, and tidies other whitespace", () => {
    const [code, list, paragraph] = chunkBlocks([
      block("Intro", { kind: "heading", headingPath: ["Intro"] }),
      block("if (ready) {\n    start();   \n}\n\n\n\nstop();", { kind: "code", headingPath: ["Intro"] }),
      block("Steps", { kind: "heading", headingPath: ["Steps"] }),
      block("- one\n  - nested\n- two", { kind: "list", headingPath: ["Steps"] }),
      block("Notes", { kind: "heading", headingPath: ["Notes"] }),
      block("  Lots   of\t\tspace \r\n\r\n\r\n\r\nhere.  ", { headingPath: ["Notes"] }),
    ]);
    expect(code?.content).toBe("Intro\n\nif (ready) {\n    start();\n}\n\nstop();");
    expect(list?.content).toBe("Steps\n\n- one\n  - nested\n- two");
    expect(paragraph?.content).toBe("Notes\n\nLots of space\n\nhere.");
  });

  it("keeps a long line of numbers within the target, though each space before a number costs a token", () => {
    const line = Array.from({ length: 5_000 }, (_, i) => String((i * 7919) % 1000)).join(" ");
    const chunks = chunkBlocks([block(line, { kind: "table" })], { targetTokens: 100 });
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBe(countWithGptTokenizer(chunk.content, AS_PLAIN_TEXT));
      expect(chunk.tokenCount).toBeLessThanOrEqual(100);
      expect(line).toContain(chunk.content);
    }
    for (const chunk of chunks.slice(0, -1)) expect(chunk.tokenCount).toBeGreaterThanOrEqual(100 / 4);
  });

  it("splits Chinese text without spaces at the ends of sentences", () => {
    const text = chineseWithoutSpaces(20);
    const chunks = chunkBlocks([block(text)], { targetTokens: 100, overlapTokens: 15 });
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(100);
      expect(chunk.content).toMatch(/[。！？]$/);
      expect(text).toContain(chunk.content);
    }
  });

  it("yields nothing for empty or whitespace-only blocks", () => {
    expect(chunkBlocks([])).toEqual([]);
    expect(chunkBlocks([block("\n".repeat(100_000))])).toEqual([]);
    expect(chunkBlocks(Array.from({ length: 100_000 }, () => block(" \n\t "))).length).toBe(0);
  });

  it("cuts a 2 MB line with no spaces into chunks within the target that join back into the line", () => {
    for (const line of [randomLine(2_000_000, 5), "x".repeat(2_000_000)]) {
      const chunks = chunkBlocks([block(line)]);
      for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(300);
      expect(chunks.map((chunk) => chunk.content).join("")).toBe(line);
    }
  });

  it("never splits a surrogate pair, even in a line of emoji", () => {
    const line = "😀👍🏽🇳🇱".repeat(5_000);
    const chunks = chunkBlocks([block(line)], { targetTokens: 50 });
    expect(chunks.map((chunk) => chunk.content).join("")).toBe(line);
    // With the u flag a surrogate pair is one code point, so this matches only a lone half.
    for (const { content } of chunks) expect(content).not.toMatch(/[\ud800-\udfff]/u);
  });

  it("takes time linear in the size of pathological input", () => {
    expectLinear((scale) => [block(prose(40 * scale, 13).join("\n\n"))]);
    expectLinear((scale) => [block(chineseWithoutSpaces(10 * scale))]);
    expectLinear((scale) => [block(randomLine(20_000 * scale, 17))]);
    expectLinear((scale) => [block("\n".repeat(10_000 * scale))]);
    expectLinear((scale) => Array.from({ length: 10_000 * scale }, () => block(" \n ")));
  });

  it("refuses a target too small for a sentence and an overlap of more than half the target", () => {
    expect(() => chunkBlocks([block("text")], { targetTokens: 4 })).toThrow(RangeError);
    expect(() => chunkBlocks([block("text")], { targetTokens: 100, overlapTokens: 60 })).toThrow(RangeError);
  });
});
