import { twoSidedNormalP } from "./normal";

export type VariantCounts = { successes: number; samples: number };

export type TwoProportionZTest = {
  /** Positive when B's success rate is higher. */
  z: number;
  /** Two-sided. */
  pValue: number;
  rateA: number;
  rateB: number;
};

function assertCounts(name: string, { successes, samples }: VariantCounts): void {
  if (!Number.isInteger(successes) || !Number.isInteger(samples) || successes < 0 || successes > samples) {
    throw new RangeError(`${name} needs whole numbers 0 ≤ successes ≤ samples, got ${successes} of ${samples}`);
  }
}

/**
 * Two-proportion z-test with the pooled variance (the score test of H₀: both rates are equal; the same p-value as
 * R's prop.test(correct = FALSE) and statsmodels' proportions_ztest):
 *   p̂ = (xA + xB) / (nA + nB),  z = (xB/nB − xA/nA) / √(p̂(1 − p̂)(1/nA + 1/nB)),  p = 2(1 − Φ(|z|)).
 * Null when a variant has no samples, since then there is nothing to compare. When every sample of both
 * variants succeeded (or none did) the rates are equal and z = 0, p = 1.
 */
export function twoProportionZTest(a: VariantCounts, b: VariantCounts): TwoProportionZTest | null {
  assertCounts("variant A", a);
  assertCounts("variant B", b);
  if (a.samples === 0 || b.samples === 0) return null;
  const rateA = a.successes / a.samples;
  const rateB = b.successes / b.samples;
  const pooled = (a.successes + b.successes) / (a.samples + b.samples);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.samples + 1 / b.samples));
  const z = se > 0 ? (rateB - rateA) / se : 0;
  return { z, pValue: twoSidedNormalP(z), rateA, rateB };
}
