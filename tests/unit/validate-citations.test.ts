import { describe, expect, it } from "vitest";
import { NOT_FOUND_ANSWER } from "@/lib/ai/prompts";
import { validateCitations } from "@/lib/chat/validate-citations";

describe("validateCitations", () => {
  it("lists the documents an answer cites, in order of first use, once each", () => {
    const check = validateCitations(
      "Refunds take 14 days [2]. Orders ship from Rotterdam [1][2]. See [2].",
      3,
    );
    expect(check).toEqual({
      text: "Refunds take 14 days [2]. Orders ship from Rotterdam [1][2]. See [2].",
      cited: [2, 1],
      unknown: [],
      empty: false,
      notFound: false,
    });
  });

  it("reads grouped markers like [1, 3] and [1,3]", () => {
    expect(validateCitations("A [1, 3]. B [2,3].", 3).cited).toEqual([1, 3, 2]);
  });

  it("removes citations of documents that were never provided, and records them", () => {
    const check = validateCitations(
      "Refunds take 14 days [7]. Orders ship from Rotterdam [1][9] quickly.",
      2,
    );
    expect(check.text).toBe("Refunds take 14 days. Orders ship from Rotterdam [1] quickly.");
    expect(check.cited).toEqual([1]);
    expect(check.unknown).toEqual([7, 9]);
  });

  it("keeps the valid part of a grouped marker", () => {
    const check = validateCitations("Refunds take 14 days [0, 2, 5].", 3);
    expect(check.text).toBe("Refunds take 14 days [2].");
    expect(check.unknown).toEqual([0, 5]);
  });

  it("removes every marker when no documents were provided", () => {
    const check = validateCitations("Something [1].", 0);
    expect(check.text).toBe("Something.");
    expect(check.unknown).toEqual([1]);
  });

  it("leaves markdown links and code alone", () => {
    const text = "See [3](https://example.com) and `items[7]`:\n```js\nconst x = list[8];\n```\nDone [1].";
    const check = validateCitations(text, 1);
    expect(check.text).toBe(text);
    expect(check.cited).toEqual([1]);
    expect(check.unknown).toEqual([]);
  });

  it("flags an answer with nothing left in it as empty", () => {
    expect(validateCitations("   ", 2).empty).toBe(true);
    expect(validateCitations(" [5] ", 2)).toMatchObject({ text: " ", empty: true, unknown: [5] });
    expect(validateCitations("Yes [1].", 2).empty).toBe(false);
  });

  it("recognises the not-found sentence, alone or leading", () => {
    expect(validateCitations(NOT_FOUND_ANSWER, 3).notFound).toBe(true);
    expect(validateCitations(`  ${NOT_FOUND_ANSWER} The documents cover travel only.`, 3).notFound).toBe(
      true,
    );
    expect(validateCitations("I couldn’t find that in your documents.", 3).notFound).toBe(true);
  });

  it("recognises a refusal in the model's own words, but not a cited answer that hedges", () => {
    expect(validateCitations("The documents do not mention parking.", 3).notFound).toBe(true);
    expect(validateCitations("I don't have enough information to answer that.", 3).notFound).toBe(true);
    expect(
      validateCitations("I couldn't find the exact date, but refunds take 14 days [1].", 3).notFound,
    ).toBe(false);
    expect(validateCitations("Refunds take 14 days [1].", 3).notFound).toBe(false);
  });
});
