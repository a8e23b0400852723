import { normalQuantile } from "./normal";

export type SampleSizeInput = {
  /** The control's success rate p₁, in (0, 1). */
  baselineRate: number;
  /** The absolute difference δ to detect: p₂ = p₁ + δ must stay in (0, 1); a negative δ is a drop. */
  minimumDetectableEffect: number;
  alpha?: number;
  power?: number;
};

/**
 * Samples per variant for a two-sided two-proportion z-test to detect p₂ = p₁ + δ with the given power
 * (Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed., eq. 4.14, without continuity
 * correction; the formula of G*Power and statsmodels' normal approximation):
 *   n = (z₁₋α/₂ · √(2 p̄(1 − p̄)) + z₁₋β · √(p₁(1 − p₁) + p₂(1 − p₂)))² / δ²,  p̄ = (p₁ + p₂) / 2, rounded up.
 */
export function sampleSizePerVariant({ baselineRate, minimumDetectableEffect, alpha = 0.05, power = 0.8 }: SampleSizeInput): number {
  const p1 = baselineRate;
  const p2 = baselineRate + minimumDetectableEffect;
  if (!(p1 > 0 && p1 < 1)) throw new RangeError(`the baseline rate must lie in (0, 1), got ${baselineRate}`);
  if (minimumDetectableEffect === 0 || !(p2 > 0 && p2 < 1)) {
    throw new RangeError(`the effect must be non-zero and keep the rate in (0, 1), got ${minimumDetectableEffect}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`power must lie in (0, 1), got ${power}`);
  const mean = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / (minimumDetectableEffect * minimumDetectableEffect));
}
