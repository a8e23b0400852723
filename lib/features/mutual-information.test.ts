import { describe, expect, it } from "vitest";
import { entropyBits, mutualInformationBits, quantileBins } from "./mutual-information";

describe("mutualInformationBits", () => {
  it("a 2×2 table with counts [[2, 1], [1, 2]] (n = 6) holds 0.0817 bits", () => {
    // Worked by hand: p(x,y) = 1/3, 1/6, 1/6, 1/3 and every marginal is 1/2, so
    // I = 2·(1/3)·ln((1/3)/(1/4)) + 2·(1/6)·ln((1/6)/(1/4)) = (2/3)·0.287682 − (1/3)·0.405465 = 0.056633 nats
    //   = 0.056633 / ln 2 = 0.081704 bits.
    const xs = ["a", "a", "a", "b", "b", "b"];
    const ys = [1, 1, 0, 1, 0, 0];
    expect(mutualInformationBits(xs, ys)).toBeCloseTo(0.081704, 6);
  });

  it("a feature that copies a uniform 4-valued target carries all of its 2 bits", () => {
    const ys = [0, 1, 2, 3, 0, 1, 2, 3];
    expect(mutualInformationBits(ys.map((y) => `v${y}`), ys)).toBeCloseTo(2, 12);
    expect(entropyBits(ys)).toBeCloseTo(2, 12);
  });

  it("an independent feature carries 0 bits: every combination of two binary variables once", () => {
    expect(mutualInformationBits([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
  });

  it("a 3×2 table: X ∈ {a,b,c} with counts a:(3,1) b:(1,3) c:(2,2), n = 12, holds 0.1226 bits", () => {
    // By hand: p(y) = 1/2 each, p(x) = 1/3 each, so p(x)p(y) = 1/6.
    // I = 2·(3/12)·log2((3/12)/(1/6)) + 2·(1/12)·log2((1/12)/(1/6)) + 2·(2/12)·log2(1)
    //   = 0.5·log2(1.5) + (1/6)·log2(0.5) = 0.5·0.5849625 − 0.1666667 = 0.1258146 bits.
    const xs = [..."aaaabbbbcccc"];
    const ys = [1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0];
    expect(mutualInformationBits(xs, ys)).toBeCloseTo(0.1258146, 6);
  });
});

describe("quantileBins", () => {
  it("keeps a feature with few distinct values as it is", () => {
    expect(quantileBins([3, 1, 3, 2], 4)).toEqual([3, 1, 3, 2]);
  });

  it("cuts 1..8 into 4 equal-count bins", () => {
    expect(quantileBins([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
