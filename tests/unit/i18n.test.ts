import { describe, expect, it } from "vitest";
import { pickLocale, translator } from "@/lib/i18n";

describe("pickLocale", () => {
  it("follows the browser's preferred language", () => {
    expect(pickLocale(undefined, "zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(pickLocale(undefined, "en-GB,en;q=0.9")).toBe("en");
    expect(pickLocale(undefined, "fr-FR, zh-TW;q=0.5, en;q=0.7")).toBe("en");
  });

  it("prefers the user's own choice over the browser", () => {
    expect(pickLocale("zh", "en-US")).toBe("zh");
    expect(pickLocale("klingon", "zh")).toBe("zh");
  });

  it("falls back to English", () => {
    expect(pickLocale(undefined, undefined)).toBe("en");
    expect(pickLocale(undefined, "de-DE")).toBe("en");
  });
});

describe("translator", () => {
  it("returns the string of the chosen locale", () => {
    expect(translator("en")("nav.chat")).toBe("Chat");
    expect(translator("zh")("nav.chat")).toBe("对话");
  });
});
