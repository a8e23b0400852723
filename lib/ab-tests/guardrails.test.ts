import { describe, expect, it } from "vitest";
import { analyzeAbTest } from "@/lib/stats/ab-analysis";
import { abTestGuardrails, powerProgress } from "./guardrails";

const analysis = (a: [number, number], b: [number, number], split = 0.5) =>
  analyzeAbTest({ a: { successes: a[0], samples: a[1] }, b: { successes: b[0], samples: b[1] }, trafficSplit: split });

describe("powerProgress", () => {
  it("needs 3,841 per variant to detect +2 points from A's 10% (the textbook value), and measures the thinner side", () => {
    const power = powerProgress(analysis([100, 1_000], [120, 900]), { a: 1_000, b: 900 }, 2);
    expect(power).toEqual({ mdePoints: 2, requiredPerVariant: 3_841, samplesPerVariant: 900, progress: 900 / 3_841 });
  });

  it("plans a drop when a rise would pass 100%, and is unknown while A's rate is 0% or 100%", () => {
    expect(powerProgress(analysis([990, 1_000], [985, 1_000]), { a: 1_000, b: 1_000 }, 2).requiredPerVariant).toBeGreaterThan(0);
    expect(powerProgress(analysis([1_000, 1_000], [985, 1_000]), { a: 1_000, b: 1_000 }, 2)).toMatchObject({ requiredPerVariant: null, progress: null });
  });
});

describe("abTestGuardrails", () => {
  const guard = (a: [number, number], b: [number, number], split = 0.5) => {
    const result = analysis(a, b, split);
    return abTestGuardrails(result, powerProgress(result, { a: a[1], b: b[1] }, 2), split).map((g) => g.kind);
  };

  it("raises none for a significant, balanced test (800/1,000 vs 850/1,000, p ≈ 0.003)", () => {
    expect(guard([800, 1_000], [850, 1_000])).toEqual([]);
  });

  it("calls 800/1,000 vs 805/1,000 not significant and underpowered (1,000 of ~6,000 per variant for 2 points)", () => {
    expect(guard([800, 1_000], [805, 1_000])).toEqual(["not_significant", "underpowered"]);
  });

  it("calls a flat result with enough samples not significant only", () => {
    expect(guard([8_000, 10_000], [8_010, 10_000])).toEqual(["not_significant"]);
  });

  it("flags a sample-ratio mismatch on top of a significant result: 1,000 vs 1,300 samples at a planned 50/50", () => {
    expect(guard([700, 1_000], [1_000, 1_300])).toEqual(["srm"]);
  });
});
