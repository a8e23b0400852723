import { describe, expect, it } from "vitest";
import { twoProportionZTest } from "./two-proportion-z-test";

/**
 * Reference values computed independently with SciPy 1.10 / statsmodels 0.13 (the pooled test's p-value,
 * `expected.pooledPValue`), copied from /work/shared/reference/ab-stats-vectors.json `abTests[]`:
 * [successes A, samples A, successes B, samples B, pooled two-sided p].
 */
const REFERENCE: readonly (readonly [number, number, number, number, number])[] = [
  [308, 800, 346, 1014, 0.053852418266561904],
  [5, 50, 5, 45, 0.8601383553489862],
  [5, 50, 3, 48, 0.49791621266350927],
  [2962, 10000, 3184, 12150, 1.627720614472556e-8],
  [7437, 10000, 6315, 8850, 3.3289217712430996e-6],
  [2251, 10000, 1839, 7357, 0.00013641852208159507],
  [136932, 250000, 121629, 222122, 0.9173826011506548],
  [180183, 250000, 196814, 258711, 9.673515207956843e-233],
  [69862, 250000, 57869, 189039, 9.922529072050218e-83],
  [120, 800, 68, 640, 0.014342305248146288],
  [30, 120, 25, 100, 1.0],
  [127583, 250000, 107466, 208418, 0.0003547917228863147],
];

describe("twoProportionZTest", () => {
  it.each(REFERENCE)("matches statsmodels' pooled p-value for %i/%i vs %i/%i to 1e-6 relative", (xa, na, xb, nb, expected) => {
    const result = twoProportionZTest({ successes: xa, samples: na }, { successes: xb, samples: nb })!;
    expect(Math.abs(result.pValue - expected) / expected).toBeLessThan(1e-6);
    expect(Math.sign(result.z)).toBe(Math.sign(xb / nb - xa / na));
  });

  it("computes the pooled z for 50/100 vs 65/100: z = 0.15 / √(0.575 · 0.425 · 0.02) ≈ 2.1456, p ≈ 0.0319", () => {
    // p̂ = 115/200 = 0.575; SE = √(0.575 · 0.425 · (1/100 + 1/100)) = √0.0048875 ≈ 0.0699107; z = 0.15 / SE ≈ 2.14560.
    // p = erfc(2.14560 / √2) ≈ 0.031905.
    const result = twoProportionZTest({ successes: 50, samples: 100 }, { successes: 65, samples: 100 })!;
    expect(result.z).toBeCloseTo(2.1456, 4);
    expect(result.pValue).toBeCloseTo(0.031905, 5);
    expect(result).toMatchObject({ rateA: 0.5, rateB: 0.65 });
  });

  it("gives p = 0.0528 for 3/30 vs 9/30, the worked example where the pooled test is not significant", () => {
    // p̂ = 0.2; SE = √(0.2 · 0.8 · 2/30) ≈ 0.103280; z = 0.2 / SE ≈ 1.93649.
    const result = twoProportionZTest({ successes: 3, samples: 30 }, { successes: 9, samples: 30 })!;
    expect(result.z).toBeCloseTo(1.93649, 5);
    expect(result.pValue).toBeCloseTo(0.0528, 4);
  });

  it("is negative when A does better, and p = 1 when both rates are 0% or 100%", () => {
    expect(twoProportionZTest({ successes: 65, samples: 100 }, { successes: 50, samples: 100 })!.z).toBeCloseTo(-2.1456, 4);
    expect(twoProportionZTest({ successes: 40, samples: 40 }, { successes: 30, samples: 30 })).toMatchObject({ z: 0, pValue: 1 });
  });

  it("is null when a variant has no samples, and rejects impossible counts", () => {
    expect(twoProportionZTest({ successes: 0, samples: 0 }, { successes: 3, samples: 10 })).toBeNull();
    expect(() => twoProportionZTest({ successes: 11, samples: 10 }, { successes: 3, samples: 10 })).toThrow(RangeError);
    expect(() => twoProportionZTest({ successes: 1, samples: 10 }, { successes: 1.5, samples: 10 })).toThrow(RangeError);
  });
});
