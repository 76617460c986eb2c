import { describe, expect, it } from "vitest";
import { toSearchText } from "@/lib/ingest/search-text";

describe("toSearchText", () => {
  it("leaves text with spaces between words as it is", () => {
    const text = "Refunds are processed within 14 days.";
    expect(toSearchText(text)).toBe(text);
  });

  it("separates Chinese words so full-text search can match one of them", () => {
    const words = toSearchText("退款将在十四天内处理。").split(" ");
    expect(words.length).toBeGreaterThan(2);
    expect(words).toContain("退款");
    expect(words.join("")).toBe("退款将在十四天内处理");
  });
});
