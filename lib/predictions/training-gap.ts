import { Z_95 } from "@/lib/stats/wilson";

export type TrainingGap = {
  /** Training accuracy − live accuracy: positive when live traffic does worse than the offline evaluation. */
  gap: number;
  /** 95% interval of the gap. */
  lower: number;
  upper: number;
  /** How the interval was formed: both proportions' sampling error, or the live side's only. */
  method: "newcombe" | "live-only";
  /** The interval lies entirely above 0: live accuracy is significantly worse than training accuracy. */
  liveSignificantlyWorse: boolean;
};

/** Wilson's score interval from a proportion and its n (n > 0). */
function wilsonBounds(p: number, n: number, z = Z_95): { lower: number; upper: number } {
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/**
 * The gap between training and live accuracy with a 95% interval. When the run records its test-set size, the
 * training accuracy is itself an estimate and the interval is Newcombe's hybrid score interval for a difference
 * of independent proportions (Newcombe 1998, method 10): d − √((p₁−l₁)² + (u₂−p₂)²), d + √((u₁−p₁)² + (p₂−l₂)²)
 * from each proportion's Wilson interval. Without it the training figure is taken as fixed and the interval is
 * the training accuracy minus the live accuracy's Wilson interval. Null without labelled predictions.
 */
export function trainingGap(
  training: { accuracy: number; testSamples: number | null },
  live: { correct: number; labelled: number },
): TrainingGap | null {
  if (live.labelled === 0) return null;
  const liveAccuracy = live.correct / live.labelled;
  const gap = training.accuracy - liveAccuracy;
  const liveBounds = wilsonBounds(liveAccuracy, live.labelled);
  let lower: number;
  let upper: number;
  let method: TrainingGap["method"];
  if (training.testSamples !== null && training.testSamples > 0) {
    const trainingBounds = wilsonBounds(training.accuracy, training.testSamples);
    lower = gap - Math.hypot(training.accuracy - trainingBounds.lower, liveBounds.upper - liveAccuracy);
    upper = gap + Math.hypot(trainingBounds.upper - training.accuracy, liveAccuracy - liveBounds.lower);
    method = "newcombe";
  } else {
    lower = training.accuracy - liveBounds.upper;
    upper = training.accuracy - liveBounds.lower;
    method = "live-only";
  }
  return { gap, lower, upper, method, liveSignificantlyWorse: lower > 0 };
}
