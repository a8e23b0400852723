import { describe, expect, it } from "vitest";
import { percentileOfSorted, percentiles } from "./percentile";

describe("percentiles (linear interpolation between closest ranks, NumPy's default)", () => {
  it("interpolates between ranks: [1, 2, 3, 4] has p50 2.5, p95 3.85, p99 3.97", () => {
    // n = 4: h = 3p. p50: h = 1.5 → 2 + 0.5·(3 − 2) = 2.5. p95: h = 2.85 → 3 + 0.85·(4 − 3) = 3.85.
    // p99: h = 2.97 → 3.97. (numpy.percentile([1, 2, 3, 4], [50, 95, 99]) gives the same.)
    const [p50, p95, p99] = percentiles([4, 1, 3, 2], [0.5, 0.95, 0.99]);
    expect(p50).toBeCloseTo(2.5, 12);
    expect(p95).toBeCloseTo(3.85, 12);
    expect(p99).toBeCloseTo(3.97, 12);
  });

  it("weights a long tail: latencies 100, 200, 300, 400, 1000 ms give p50 300, p95 880, p99 976", () => {
    // n = 5: h = 4p. p50: h = 2 → x[2] = 300 exactly. p95: h = 3.8 → 400 + 0.8·600 = 880.
    // p99: h = 3.96 → 400 + 0.96·600 = 976. The mean (400) would be wrong for all three (v1 defect 3).
    const [p50, p95, p99] = percentiles([1000, 300, 100, 400, 200], [0.5, 0.95, 0.99]);
    expect(p50).toBe(300);
    expect(p95).toBeCloseTo(880, 9);
    expect(p99).toBeCloseTo(976, 9);
  });

  it("returns the minimum at p = 0 and the maximum at p = 1, and 29 for p40 of 15, 20, 35, 40, 50", () => {
    // h = 4 · 0.4 = 1.6 → 20 + 0.6·(35 − 20) = 29.
    const sorted = [15, 20, 35, 40, 50];
    expect(percentileOfSorted(sorted, 0)).toBe(15);
    expect(percentileOfSorted(sorted, 1)).toBe(50);
    expect(percentileOfSorted(sorted, 0.4)).toBeCloseTo(29, 12);
  });

  it("gives the single value for one value, null for none, and rejects fractions outside [0, 1]", () => {
    expect(percentiles([42], [0.5, 0.99])).toEqual([42, 42]);
    expect(percentiles([], [0.5])).toEqual([null]);
    expect(() => percentileOfSorted([1, 2], 95)).toThrow(RangeError);
  });
});
