import { describe, expect, it } from "vitest";
import { collapseWhitespace, joinLines } from "@/lib/ingest/parse/whitespace";

describe("joinLines", () => {
  it("joins wrapped lines with a space", () => {
    expect(joinLines(["Refunds are processed", "within 14 days."])).toBe(
      "Refunds are processed within 14 days.",
    );
  });

  it("joins Chinese and Japanese lines without a space", () => {
    expect(joinLines(["极光项目于2019年", "启动。"])).toBe("极光项目于2019年启动。");
    expect(joinLines(["极光项目于", "二〇一九年启动"])).toBe("极光项目于二〇一九年启动");
    expect(joinLines(["東京の", "オフィス"])).toBe("東京のオフィス");
    expect(joinLines(["서울", "사무소"])).toBe("서울 사무소");
  });

  it("continues a word broken with a hyphen", () => {
    expect(joinLines(["a well-", "known policy"])).toBe("a well-known policy");
    expect(joinLines(["pages 10 -", "12"])).toBe("pages 10 - 12");
  });
});

describe("collapseWhitespace", () => {
  it("turns runs of whitespace into single spaces", () => {
    expect(collapseWhitespace("  Orders ship\n\t within  2\u00a0days ")).toBe("Orders ship within 2 days");
  });
});
