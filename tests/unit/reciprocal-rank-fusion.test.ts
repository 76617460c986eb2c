import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "@/lib/retrieval/reciprocal-rank-fusion";

describe("reciprocalRankFusion", () => {
  it("scores each id by the sum of 1 / (60 + rank) over the lists that hold it", () => {
    const fused = reciprocalRankFusion([{ ids: ["a", "b", "c"] }, { ids: ["c", "a"] }]);
    expect(fused.map((item) => item.id)).toEqual(["a", "c", "b"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 62);
    expect(fused[1]?.score).toBeCloseTo(1 / 63 + 1 / 61);
    expect(fused[2]?.score).toBeCloseTo(1 / 62);
  });

  it("ranks an id both lists agree on above one only a single list puts first", () => {
    const fused = reciprocalRankFusion([
      { ids: ["vector-only", "shared"] },
      { ids: ["text-only", "shared"] },
    ]);
    expect(fused[0]?.id).toBe("shared");
  });

  it("lets a weight make one list count for more", () => {
    const lists = [{ ids: ["x", "y"] }, { ids: ["y", "x"], weight: 2 }];
    expect(reciprocalRankFusion(lists).map((item) => item.id)).toEqual(["y", "x"]);
    expect(reciprocalRankFusion(lists)[0]?.score).toBeCloseTo(1 / 62 + 2 / 61);
  });

  it("uses the given k", () => {
    const [only] = reciprocalRankFusion([{ ids: ["a"] }], { k: 0 });
    expect(only?.score).toBe(1);
  });

  it("counts an id repeated in one list once, at its best rank", () => {
    const fused = reciprocalRankFusion([{ ids: ["a", "b", "a"] }]);
    expect(fused).toEqual([
      { id: "a", score: 1 / 61 },
      { id: "b", score: 1 / 62 },
    ]);
  });

  it("keeps ties in the order the ids were first seen", () => {
    const fused = reciprocalRankFusion([{ ids: ["p", "q"] }, { ids: ["q", "p"] }]);
    expect(fused.map((item) => item.id)).toEqual(["p", "q"]);
  });

  it("returns nothing for no lists or only empty ones", () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([{ ids: [] }, { ids: [] }])).toEqual([]);
  });

  it("refuses a negative k", () => {
    expect(() => reciprocalRankFusion([{ ids: ["a"] }], { k: -1 })).toThrow(RangeError);
  });
});
