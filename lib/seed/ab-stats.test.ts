import { describe, expect, it } from "vitest";
import { erfc, formatP, sampleRatioMismatchP, twoProportionZTest, twoSidedNormalP } from "./ab-stats";

describe("twoSidedNormalP", () => {
  it("gives the textbook two-sided p-values at the critical values 1.96, 2.576 and 3.291", () => {
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedNormalP(-2.575829)).toBeCloseTo(0.01, 5);
    expect(twoSidedNormalP(3.290527)).toBeCloseTo(0.001, 6);
    expect(twoSidedNormalP(0)).toBeCloseTo(1, 6);
    expect(erfc(1)).toBeCloseTo(0.157299207, 6); // erfc(1), e.g. Abramowitz and Stegun table 7.1
  });
});

describe("twoProportionZTest", () => {
  it("computes the pooled z for 50/100 vs 65/100: z = 0.15 / √(0.575 · 0.425 · 0.02) ≈ 2.1448", () => {
    // p̂ = 115/200 = 0.575; SE = √(0.575 · 0.425 · (1/100 + 1/100)) = √0.00488750 ≈ 0.069911; z = 0.15 / SE ≈ 2.14560.
    const result = twoProportionZTest(50, 100, 65, 100);
    expect(result.z).toBeCloseTo(0.15 / Math.sqrt(0.575 * 0.425 * 0.02), 10);
    expect(result.z).toBeCloseTo(2.1456, 3);
    expect(result.pValue).toBeCloseTo(0.0319, 3); // 2(1 − Φ(2.1456)) ≈ 0.0319
  });
});

describe("sampleRatioMismatchP", () => {
  it("flags 5,400 vs 4,600 under a planned 50/50 split: χ² = 2 · 400² / 5,000 = 64", () => {
    // p = P(χ²₁ ≥ 64) = erfc(√32) ≈ 1.3e-15: a broken assignment, not chance.
    expect(sampleRatioMismatchP(5_400, 4_600, 0.5)).toBeLessThan(1e-12);
    // 5,040 vs 4,960: χ² = 2 · 40² / 5,000 = 0.64, p ≈ 0.424.
    expect(sampleRatioMismatchP(5_040, 4_960, 0.5)).toBeCloseTo(0.4237, 3);
  });
});

describe("formatP", () => {
  it("writes small p-values as p < 0.001 and others with three decimals", () => {
    expect(formatP(0.0004)).toBe("p < 0.001");
    expect(formatP(0.0423)).toBe("p = 0.042");
  });
});
