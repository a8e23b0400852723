import { normalQuantile, twoSidedNormalP } from "./normal";
import { probabilityBBeatsA } from "./probability-b-beats-a";
import { sampleRatioMismatch } from "./sample-ratio-mismatch";
import { SEQUENTIAL_TUNING_PARAMETER, sequentialPValue, sequentialWidthFactor } from "./sequential";
import type { VariantCounts } from "./two-proportion-z-test";
import { wilsonInterval } from "./wilson";

/** [low, high]. */
export type Ci = [number, number];

export type AbAnalysisInput = {
  a: VariantCounts;
  b: VariantCounts;
  /** The planned share of traffic routed to B, in (0, 1). */
  trafficSplit: number;
  alpha?: number;
  /** Always-valid p-value and intervals (confidence sequences) for a test that is looked at while it runs. */
  sequential?: boolean;
};

export type AbAnalysisMode = "fixed-horizon" | "sequential";

export type AbAnalysis = {
  /** Which inference the difference's and lift's intervals and the p-value come from. */
  mode: AbAnalysisMode;
  /** Rate and Wilson interval; null without samples. The Wilson interval is fixed-horizon in both modes. */
  a: { rate: number | null; ci: Ci | null };
  b: { rate: number | null; ci: Ci | null };
  /** rate B − rate A; null when a variant has no samples. */
  difference: { estimate: number | null; ci: Ci | null };
  /** rate B / rate A − 1; null when a variant has no samples or A's rate is 0. */
  relativeLift: { estimate: number | null; ci: Ci | null };
  /** (rate B − rate A) / SE, positive when B is better; null when SE = 0. */
  zScore: number | null;
  /** Two-sided; null when SE = 0. */
  pValue: number | null;
  /** P(p_B > p_A) under independent Beta(1, 1) priors, exact. */
  probabilityBBeatsA: number;
  /** χ² goodness of fit of the sample counts to the planned split; `mismatch` when p < 0.001. */
  srm: { pValue: number | null; mismatch: boolean };
};

/** The p-value below which a sample-ratio mismatch is called (Fabijan et al. 2019 use 0.0005 to 0.001). */
export const SRM_THRESHOLD = 0.001;

function assertInput({ a, b, trafficSplit, alpha }: { a: VariantCounts; b: VariantCounts; trafficSplit: number; alpha: number }): void {
  for (const [name, { successes, samples }] of [["A", a], ["B", b]] as const) {
    if (!Number.isInteger(successes) || !Number.isInteger(samples) || successes < 0 || successes > samples) {
      throw new RangeError(`variant ${name} needs whole numbers 0 ≤ successes ≤ samples, got ${successes} of ${samples}`);
    }
  }
  if (!(trafficSplit > 0 && trafficSplit < 1)) throw new RangeError(`the traffic split must lie in (0, 1), got ${trafficSplit}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
}

const around = (estimate: number, halfWidth: number): Ci => [estimate - halfWidth, estimate + halfWidth];

/**
 * The analysis of a two-variant test of success rates.
 *
 * Fixed-horizon (the default): Wilson score intervals per variant; the difference with the unpooled (Wald)
 * standard error SE = √(p̂A(1 − p̂A)/nA + p̂B(1 − p̂B)/nB) and interval d̂ ± z₁₋α/₂·SE; the z-test with that same SE,
 * z = d̂ / SE, p = 2(1 − Φ(|z|)), so p < α exactly when the interval excludes 0; the relative lift
 * L = p̂B/p̂A − 1 with the delta-method standard error √(p̂B(1 − p̂B)/(nB p̂A²) + p̂B² p̂A(1 − p̂A)/(nA p̂A⁴)).
 *
 * Sequential: the same estimates, with the p-value and the difference's and lift's intervals from asymptotic
 * confidence sequences (./sequential.ts): the half-width is the standard error times a factor that depends on
 * the total sample size, wider than z₁₋α/₂ at every N.
 */
export function analyzeAbTest({ a, b, trafficSplit, alpha = 0.05, sequential = false }: AbAnalysisInput): AbAnalysis {
  assertInput({ a, b, trafficSplit, alpha });
  const z = normalQuantile(1 - alpha / 2);
  const variant = ({ successes, samples }: VariantCounts) => {
    const interval = wilsonInterval(successes, samples, z);
    return { rate: samples === 0 ? null : successes / samples, ci: interval ? ([interval.lower, interval.upper] as Ci) : null };
  };
  const srm = sampleRatioMismatch(a.samples, b.samples, trafficSplit);
  const base = {
    mode: (sequential ? "sequential" : "fixed-horizon") as AbAnalysisMode,
    a: variant(a),
    b: variant(b),
    probabilityBBeatsA: probabilityBBeatsA(a, b),
    srm: { pValue: srm?.pValue ?? null, mismatch: srm !== null && srm.pValue < SRM_THRESHOLD },
  };
  if (a.samples === 0 || b.samples === 0) {
    return { ...base, difference: { estimate: null, ci: null }, relativeLift: { estimate: null, ci: null }, zScore: null, pValue: null };
  }

  const rateA = a.successes / a.samples;
  const rateB = b.successes / b.samples;
  const varianceA = (rateA * (1 - rateA)) / a.samples;
  const varianceB = (rateB * (1 - rateB)) / b.samples;
  const se = Math.sqrt(varianceA + varianceB);
  const difference = rateB - rateA;
  const totalSamples = a.samples + b.samples;
  const factor = sequential ? sequentialWidthFactor(totalSamples, alpha, SEQUENTIAL_TUNING_PARAMETER) : z;

  const zScore = se > 0 ? difference / se : null;
  const pValue = se > 0 ? (sequential ? sequentialPValue(difference, se, totalSamples, alpha) : twoSidedNormalP(difference / se)) : null;

  let relativeLift: AbAnalysis["relativeLift"] = { estimate: null, ci: null };
  if (rateA > 0) {
    const lift = rateB / rateA - 1;
    const liftSe = Math.sqrt(varianceB / (rateA * rateA) + (rateB * rateB * varianceA) / rateA ** 4);
    relativeLift = { estimate: lift, ci: around(lift, factor * liftSe) };
  }
  return { ...base, difference: { estimate: difference, ci: around(difference, factor * se) }, relativeLift, zScore, pValue };
}
