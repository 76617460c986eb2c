import { describe, expect, it } from "vitest";
import { createCitationFilter } from "@/lib/chat/citation-filter";

/** Streams `deltas` through a filter for `contextCount` documents, as the chat route does. */
function stream(deltas: string[], contextCount: number) {
  const filter = createCitationFilter(contextCount);
  const shown = deltas.map((delta) => filter.push(delta));
  shown.push(filter.flush());
  return { shown, text: shown.join(""), unknown: filter.unknown };
}

describe("createCitationFilter", () => {
  it("passes valid citations through unchanged", () => {
    const { text, unknown } = stream(["Refunds take ", "14 days [1", "]. Gift cards [2] are final."], 2);
    expect(text).toBe("Refunds take 14 days [1]. Gift cards [2] are final.");
    expect(unknown).toEqual([]);
  });

  it("drops an unknown marker split across deltas, with the space before it", () => {
    const { text, unknown } = stream(["Gift cards are final ", "[4", "2]."], 3);
    expect(text).toBe("Gift cards are final.");
    expect(unknown).toEqual([42]);
  });

  it("keeps the valid part of a mixed marker", () => {
    const { text, unknown } = stream(["Both apply [1, ", "7]."], 2);
    expect(text).toBe("Both apply [1].");
    expect(unknown).toEqual([7]);
  });

  it("holds back only what could still become a marker", () => {
    const { shown } = stream(["Refunds take 14 days [", "1] and more"], 1);
    expect(shown[0]).toBe("Refunds take 14 days");
    expect(shown[1]).toBe(" [1] and more");
  });

  it("releases a bracket that turns out to be text", () => {
    const { text, unknown } = stream(["see [note", "] here"], 1);
    expect(text).toBe("see [note] here");
    expect(unknown).toEqual([]);
  });

  it("shows held spaces once the answer ends", () => {
    expect(stream(["done  "], 1).text).toBe("done  ");
  });
});
