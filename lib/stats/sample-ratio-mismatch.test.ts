import { describe, expect, it } from "vitest";
import { sampleRatioMismatch } from "./sample-ratio-mismatch";

/**
 * Reference values computed independently with SciPy 1.10 (chi-square goodness of fit, `expected.srm.pValue`),
 * copied from /work/shared/reference/ab-stats-vectors.json `abTests[]`:
 * [samples A, samples B, planned share of B, p]. SciPy's 0.0 is an underflow below ~1e-308.
 */
const REFERENCE: readonly (readonly [number, number, number, number])[] = [
  [800, 1014, 0.6, 0.0003628423034421322],
  [50, 45, 0.5, 0.607958892174999],
  [50, 48, 0.2, 7.386509801077916e-13],
  [10000, 12150, 0.5, 2.651626261414723e-47],
  [10000, 8850, 0.6, 7.379181752038496e-293],
  [800, 640, 0.3, 5.677953698685159e-33],
  [120, 100, 0.6, 1.0634400633137744e-5],
  [50, 59, 0.6, 0.21082540318182444],
  [120, 141, 0.6, 0.04871759506415522],
  [10000, 7357, 0.2, 0],
];

describe("sampleRatioMismatch", () => {
  it.each(REFERENCE)("matches SciPy's χ² p-value for %i vs %i at a planned B share of %s", (a, b, split, expected) => {
    const { pValue } = sampleRatioMismatch(a, b, split)!;
    if (expected === 0) expect(pValue).toBeLessThan(1e-300);
    else expect(Math.abs(pValue - expected) / expected).toBeLessThan(1e-6);
  });

  it("flags 9,463 vs 7,681 under a planned 50/50 split: χ² = 2 · 891² / 8,572 ≈ 185.2, p ≈ 3.5e-42", () => {
    const result = sampleRatioMismatch(9_463, 7_681, 0.5)!;
    expect(result.chiSquare).toBeCloseTo(185.2266, 3);
    expect(result.pValue / 3.5e-42).toBeCloseTo(1, 1);
  });

  it("passes 5,040 vs 4,960 under 50/50: χ² = 2 · 40² / 5,000 = 0.64, p ≈ 0.4237", () => {
    const result = sampleRatioMismatch(5_040, 4_960, 0.5)!;
    expect(result.chiSquare).toBeCloseTo(0.64, 12);
    expect(result.pValue).toBeCloseTo(0.4237, 4);
  });

  it("is null with no samples, and rejects negative counts and splits outside (0, 1)", () => {
    expect(sampleRatioMismatch(0, 0, 0.5)).toBeNull();
    expect(() => sampleRatioMismatch(-1, 10, 0.5)).toThrow(RangeError);
    expect(() => sampleRatioMismatch(10, 10, 1)).toThrow(RangeError);
  });
});
