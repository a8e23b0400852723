import { describe, expect, it } from "vitest";
import { analyzeAbTest, type AbAnalysis } from "./ab-analysis";
import { AB_TEST_VECTORS } from "./test-fixtures/ab-reference-vectors";
import { expectRelativelyClose } from "./test-fixtures/relative-error";

/** Closed-form quantities (rates, intervals, z) to 1e-9; p-values and P(B > A) to 1e-6, as the reference asks. */
const CLOSED_FORM = 1e-9;
const NUMERICAL = 1e-6;

/**
 * Three reference values of P(B > A) are below 1e-8 and do not survive an exact check: the finite sum evaluated in
 * 40-50 digit arithmetic (mpmath 1.3, `Σ B(αA + i, βA + βB) / ((βB + i) B(1 + i, βB) B(αA, βA))`) gives these,
 * 3.5e-5, a factor 3.6 and a factor 1.9e10 away from the file's (a numerical integration losing the far tail,
 * presumably). The exact values are the reference here; every other P(B > A) in the file agrees with them to 1e-6.
 */
const EXACT_PROBABILITY_B_BEATS_A: Readonly<Record<string, number>> = {
  "2962/10000 vs 3184/12150": 8.383694315887657e-9,
  "40611/47000 vs 48041/57834": 9.03976782936634e-51,
  "35463/47000 vs 29156/40366": 1.40729690083296e-27,
};

const counts = ({ input }: (typeof AB_TEST_VECTORS)[number]) =>
  `${input.a.successes}/${input.a.samples} vs ${input.b.successes}/${input.b.samples}`;

const label = ({ input }: (typeof AB_TEST_VECTORS)[number]) =>
  `${input.a.successes}/${input.a.samples} vs ${input.b.successes}/${input.b.samples}, B share ${input.trafficSplit}`;

/** Every number of an analysis, to prove none is NaN or infinite. */
function numbersOf(result: AbAnalysis): unknown[] {
  return [
    result.a.rate, ...(result.a.ci ?? []), result.b.rate, ...(result.b.ci ?? []),
    result.difference.estimate, ...(result.difference.ci ?? []), result.relativeLift.estimate, ...(result.relativeLift.ci ?? []),
    result.zScore, result.pValue, result.probabilityBBeatsA, result.srm.pValue,
  ];
}
const finiteOrNull = (value: unknown) => value === null || (typeof value === "number" && Number.isFinite(value));

describe("analyzeAbTest against SciPy/statsmodels reference vectors (all 40)", () => {
  it("replaces exactly the three reference P(B > A) values that fail the exact check", () => {
    const replaced = AB_TEST_VECTORS.filter((vector) => counts(vector) in EXACT_PROBABILITY_B_BEATS_A);
    expect(replaced.map((vector) => vector.expected.probabilityBBeatsA)).toEqual([8.383396286021186e-9, 4.823735176091846e-61, 3.8914601348606235e-28]);
  });

  it.each(AB_TEST_VECTORS.map((vector) => [label(vector), vector] as const))("%s", (_, { input, expected }) => {
    const result = analyzeAbTest(input);
    expectRelativelyClose(result.a.rate, expected.a.rate, CLOSED_FORM, "rate A");
    expectRelativelyClose(result.b.rate, expected.b.rate, CLOSED_FORM, "rate B");
    expectRelativelyClose(result.a.ci?.[0], expected.a.ci[0], CLOSED_FORM, "Wilson A low");
    expectRelativelyClose(result.a.ci?.[1], expected.a.ci[1], CLOSED_FORM, "Wilson A high");
    expectRelativelyClose(result.b.ci?.[0], expected.b.ci[0], CLOSED_FORM, "Wilson B low");
    expectRelativelyClose(result.b.ci?.[1], expected.b.ci[1], CLOSED_FORM, "Wilson B high");
    expectRelativelyClose(result.difference.estimate, expected.difference.estimate, CLOSED_FORM, "difference");
    expectRelativelyClose(result.difference.ci?.[0], expected.difference.ci[0], CLOSED_FORM, "difference low");
    expectRelativelyClose(result.difference.ci?.[1], expected.difference.ci[1], CLOSED_FORM, "difference high");
    expectRelativelyClose(result.relativeLift.estimate, expected.relativeLift.estimate, CLOSED_FORM, "lift");
    expectRelativelyClose(result.relativeLift.ci?.[0], expected.relativeLift.ci[0], CLOSED_FORM, "lift low");
    expectRelativelyClose(result.relativeLift.ci?.[1], expected.relativeLift.ci[1], CLOSED_FORM, "lift high");
    expectRelativelyClose(result.zScore, expected.zScore, CLOSED_FORM, "z");
    expectRelativelyClose(result.pValue, expected.pValue, NUMERICAL, "p");
    const exact = EXACT_PROBABILITY_B_BEATS_A[counts({ input, expected })];
    expectRelativelyClose(result.probabilityBBeatsA, exact ?? expected.probabilityBBeatsA, NUMERICAL, "P(B > A)");
    expectRelativelyClose(result.srm.pValue, expected.srm.pValue, NUMERICAL, "SRM p");
    expect(result.srm.mismatch).toBe(expected.srm.mismatch);
    expect(result.mode).toBe("fixed-horizon");
  });
});

describe("analyzeAbTest: worked examples from the literature", () => {
  it("3/30 vs 9/30: unpooled z = 2.0 exactly, p = 0.0455003, difference CI [0.004004, 0.395996]", () => {
    // SE = √(0.1·0.9/30 + 0.3·0.7/30) = √0.01 = 0.1, so z = 0.2 / 0.1 = 2 and the CI is 0.2 ± 1.959964·0.1.
    const result = analyzeAbTest({ a: { samples: 30, successes: 3 }, b: { samples: 30, successes: 9 }, trafficSplit: 0.5 });
    expect(result.zScore).toBeCloseTo(2, 12);
    expect(result.pValue).toBeCloseTo(0.0455003, 7);
    expect(result.difference.ci![0]).toBeCloseTo(0.004004, 6);
    expect(result.difference.ci![1]).toBeCloseTo(0.395996, 6);
    // The same standard error serves both: p < 0.05 and the interval excludes 0 (the pooled test's 0.0528 would not).
    expect(result.pValue! < 0.05).toBe(result.difference.ci![0] > 0);
  });

  it("1000/10000 vs 1100/10000: P(B > A) = 0.989457", () => {
    const result = analyzeAbTest({ a: { samples: 10_000, successes: 1_000 }, b: { samples: 10_000, successes: 1_100 }, trafficSplit: 0.5 });
    expect(result.probabilityBBeatsA).toBeCloseTo(0.989457, 6);
  });

  it("9,463 vs 7,681 samples at a planned 50/50 split: SRM p ≈ 3.5e-42, a mismatch", () => {
    const result = analyzeAbTest({ a: { samples: 9_463, successes: 4_000 }, b: { samples: 7_681, successes: 3_300 }, trafficSplit: 0.5 });
    expect(result.srm.pValue! / 3.5e-42).toBeCloseTo(1, 1);
    expect(result.srm.mismatch).toBe(true);
  });
});

describe("analyzeAbTest: edge cases give null, never NaN or Infinity", () => {
  const cases: [string, Parameters<typeof analyzeAbTest>[0]][] = [
    ["no samples at all", { a: { samples: 0, successes: 0 }, b: { samples: 0, successes: 0 }, trafficSplit: 0.5 }],
    ["no samples for B", { a: { samples: 10, successes: 3 }, b: { samples: 0, successes: 0 }, trafficSplit: 0.5 }],
    ["zero successes on both sides", { a: { samples: 50, successes: 0 }, b: { samples: 40, successes: 0 }, trafficSplit: 0.5 }],
    ["all successes on both sides", { a: { samples: 50, successes: 50 }, b: { samples: 40, successes: 40 }, trafficSplit: 0.5 }],
    ["A at 0%, B above", { a: { samples: 50, successes: 0 }, b: { samples: 40, successes: 5 }, trafficSplit: 0.5 }],
    ["one sample each", { a: { samples: 1, successes: 0 }, b: { samples: 1, successes: 1 }, trafficSplit: 0.5 }],
    ["huge samples", { a: { samples: 250_000, successes: 249_990 }, b: { samples: 250_000, successes: 249_999 }, trafficSplit: 0.5 }],
  ];
  it.each(cases)("%s", (_, input) => {
    for (const sequential of [false, true]) {
      const result = analyzeAbTest({ ...input, sequential });
      expect(numbersOf(result).every(finiteOrNull), JSON.stringify(result)).toBe(true);
      expect(result.probabilityBBeatsA).toBeGreaterThanOrEqual(0);
      expect(result.probabilityBBeatsA).toBeLessThanOrEqual(1);
    }
  });

  it("without samples: rates, intervals, z and p are null; P(B > A) is the prior's ½", () => {
    const result = analyzeAbTest({ a: { samples: 0, successes: 0 }, b: { samples: 0, successes: 0 }, trafficSplit: 0.5 });
    expect(result).toMatchObject({ a: { rate: null, ci: null }, difference: { estimate: null, ci: null }, zScore: null, pValue: null, srm: { pValue: null, mismatch: false } });
    expect(result.probabilityBBeatsA).toBeCloseTo(0.5, 12);
  });

  it("with A at 0% the lift is null; with both at 0% or 100% z and p are null (SE = 0) but the difference is 0", () => {
    const zeroA = analyzeAbTest({ a: { samples: 50, successes: 0 }, b: { samples: 40, successes: 5 }, trafficSplit: 0.5 });
    expect(zeroA.relativeLift).toEqual({ estimate: null, ci: null });
    expect(zeroA.zScore).not.toBeNull();
    const flat = analyzeAbTest({ a: { samples: 50, successes: 50 }, b: { samples: 40, successes: 40 }, trafficSplit: 0.5 });
    expect(flat).toMatchObject({ zScore: null, pValue: null, difference: { estimate: 0, ci: [0, 0] } });
    // Beta(51, 1) vs Beta(41, 1): P(B > A) = 41/92 by the closed form αB/(αA + αB) when both β are 1.
    expect(flat.probabilityBBeatsA).toBeCloseTo(41 / 92, 12);
  });

  it("uses alpha for every interval: a 99% difference interval contains the 95% one", () => {
    const input = { a: { samples: 800, successes: 308 }, b: { samples: 1014, successes: 346 }, trafficSplit: 0.6 };
    const wide = analyzeAbTest({ ...input, alpha: 0.01 });
    const narrow = analyzeAbTest(input);
    expect(wide.difference.ci![0]).toBeLessThan(narrow.difference.ci![0]);
    expect(wide.a.ci![1]).toBeGreaterThan(narrow.a.ci![1]);
    expect(wide.pValue).toBe(narrow.pValue);
  });

  it("rejects impossible counts, splits and alphas", () => {
    expect(() => analyzeAbTest({ a: { samples: 10, successes: 11 }, b: { samples: 10, successes: 1 }, trafficSplit: 0.5 })).toThrow(RangeError);
    expect(() => analyzeAbTest({ a: { samples: 10, successes: 1 }, b: { samples: 10, successes: 1 }, trafficSplit: 1 })).toThrow(RangeError);
    expect(() => analyzeAbTest({ a: { samples: 10, successes: 1 }, b: { samples: 10, successes: 1 }, trafficSplit: 0.5, alpha: 0 })).toThrow(RangeError);
  });
});
