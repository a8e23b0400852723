/**
 * The statistics the seeder records with each A/B decision. Kept here (not in lib/stats) because the seeder only
 * needs these two tests; the dashboard's own analysis may live elsewhere and must agree with them.
 */

/**
 * Complementary error function, Numerical Recipes' Chebyshev fit `erfcc` (Press et al., 2nd ed., §6.2),
 * fractional error below 1.2e-7 everywhere: ample for p-values reported to three decimals.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = erfc(|z| / √2). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

export type ProportionTest = { z: number; pValue: number; rateA: number; rateB: number };

/**
 * Two-proportion z-test with the pooled variance:
 *   p̂ = (xA + xB) / (nA + nB),  z = (xB/nB − xA/nA) / √(p̂(1 − p̂)(1/nA + 1/nB)),  p = 2(1 − Φ(|z|)).
 * Positive z means B's success rate is higher.
 */
export function twoProportionZTest(successesA: number, samplesA: number, successesB: number, samplesB: number): ProportionTest {
  const rateA = successesA / samplesA;
  const rateB = successesB / samplesB;
  const pooled = (successesA + successesB) / (samplesA + samplesB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / samplesA + 1 / samplesB));
  const z = se > 0 ? (rateB - rateA) / se : 0;
  return { z, pValue: twoSidedNormalP(z), rateA, rateB };
}

/**
 * Sample-ratio-mismatch check: χ² goodness of fit of the observed split against the planned one (1 degree of
 * freedom, so p = P(χ²₁ ≥ x) = erfc(√(x/2))). A tiny p means the assignment itself is broken.
 */
export function sampleRatioMismatchP(samplesA: number, samplesB: number, trafficSplitB: number): number {
  const total = samplesA + samplesB;
  const expectedB = total * trafficSplitB;
  const expectedA = total - expectedB;
  const chi2 = (samplesA - expectedA) ** 2 / expectedA + (samplesB - expectedB) ** 2 / expectedB;
  return erfc(Math.sqrt(chi2 / 2));
}

/** 'p < 0.001' or 'p = 0.042', the way the dashboard writes p-values. */
export function formatP(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}
