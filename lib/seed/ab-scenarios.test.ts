import { describe, expect, it } from "vitest";
import { decisionReason, formatP, judgeAbTest } from "./ab-scenarios";

const counts = (a: [number, number], b: [number, number]) => ({
  a: { successes: a[0], samples: a[1] },
  b: { successes: b[0], samples: b[1] },
});

describe("judgeAbTest", () => {
  it("names B the winner of 850/1,000 vs 800/1,000 (unpooled z ≈ 2.949, p ≈ 0.0032): a clear win, but not p < 0.001", () => {
    // SE = √(0.8 · 0.2 / 1,000 + 0.85 · 0.15 / 1,000) = √0.0002875 ≈ 0.016956; z = 0.05 / SE ≈ 2.9488.
    const verdict = judgeAbTest("b_wins", counts([800, 1_000], [850, 1_000]), 0.5)!;
    expect(verdict.z).toBeCloseTo(2.9488, 4);
    expect(verdict.pValue).toBeCloseTo(0.0031898, 6);
    expect(verdict).toMatchObject({ winner: "B", shows: true });
    expect(judgeAbTest("significant", counts([800, 1_000], [850, 1_000]), 0.5)!.shows).toBe(false);
    expect(judgeAbTest("tie", counts([800, 1_000], [850, 1_000]), 0.5)!.shows).toBe(false);
  });

  it("calls 805/1,000 vs 800/1,000 a tie (z ≈ 0.28) and shows it as tie or inconclusive, not as a win", () => {
    const tied = counts([800, 1_000], [805, 1_000]);
    expect(judgeAbTest("tie", tied, 0.5)).toMatchObject({ winner: "tie", shows: true });
    expect(judgeAbTest("inconclusive", tied, 0.5)!.shows).toBe(true);
    expect(judgeAbTest("b_wins", tied, 0.5)!.shows).toBe(false);
  });

  it("shows a sample-ratio mismatch for 1,080 vs 920 under a planned 50/50 split (χ² = 12.8), and nothing else with it", () => {
    // χ² = 2 · 80² / 1,000 = 12.8, above χ²₁'s 10.83 for p = 0.001.
    const skewed = counts([864, 1_080], [740, 920]);
    expect(judgeAbTest("srm", skewed, 0.5)!.shows).toBe(true);
    expect(judgeAbTest("tie", skewed, 0.5)!.shows).toBe(false);
    // The same counts fit a planned 46% for B.
    expect(judgeAbTest("srm", skewed, 0.46)!.shows).toBe(false);
  });

  it("is null when a variant has no samples", () => {
    expect(judgeAbTest("tie", counts([0, 0], [5, 10]), 0.5)).toBeNull();
  });
});

describe("formatP", () => {
  it("writes small p-values as p < 0.001 and others with three decimals", () => {
    expect(formatP(0.0004)).toBe("p < 0.001");
    expect(formatP(0.0423)).toBe("p = 0.042");
  });
});

describe("decisionReason", () => {
  it("states both rates, the difference in points and the p-value", () => {
    expect(decisionReason("B", counts([800, 1_000], [850, 1_000]), 0.0033)).toBe(
      "B raised live accuracy: 80.0% (A) vs 85.0% (B), +5.0 pp, p = 0.003. Rolled B out to all traffic.",
    );
    expect(decisionReason("tie", counts([800, 1_000], [805, 1_000]), 0.78)).toBe(
      "No detectable difference: 80.0% (A) vs 80.5% (B), +0.5 pp, p = 0.780 after 2,000 samples. Kept A.",
    );
  });
});
