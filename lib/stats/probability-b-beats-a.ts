import { logBeta } from "./log-gamma";
import type { VariantCounts } from "./two-proportion-z-test";

/**
 * P(p_X > p_Y) for p_X ~ Beta(αx, βx), p_Y ~ Beta(αy, βy) with integer αx, by the exact finite sum
 * (Evan Miller, "Formulas for Bayesian A/B testing", 2014; Cook 2005):
 *   Σ_{i=0}^{αx−1} B(αy + i, βx + βy) / ((βx + i) · B(1 + i, βx) · B(αy, βy)).
 * Term i + 1 is term i times (αy + i)(βx + i) / ((αy + i + βx + βy)(1 + i)), so the sum walks that ratio in logs
 * (no overflow or underflow for counts in the millions) and adds the terms relative to the largest.
 * Every term is positive, so a small probability keeps its relative precision.
 */
function probabilityGreater(alphaX: number, betaX: number, alphaY: number, betaY: number): number {
  // B(1, βx) = 1/βx, so the first term is B(αy, βx + βy) / B(αy, βy).
  const first = logBeta(alphaY, betaX + betaY) - logBeta(alphaY, betaY);
  const step = (i: number) => Math.log((alphaY + i) * (betaX + i)) - Math.log((alphaY + i + betaX + betaY) * (1 + i));
  // Two walks of the same recurrence: the first finds the largest term, the second adds the terms scaled by it,
  // so nothing of size proportional to the counts is allocated.
  let largest = -Infinity;
  for (let i = 0, log = first; i < alphaX; log += step(i), i++) largest = Math.max(largest, log);
  let sum = 0;
  for (let i = 0, log = first; i < alphaX; log += step(i), i++) sum += Math.exp(log - largest);
  return Math.exp(largest + Math.log(sum));
}

/**
 * The posterior probability that B's success rate is higher than A's, with independent uniform Beta(1, 1) priors:
 * p_A ~ Beta(1 + successes A, 1 + failures A), likewise B. Computed exactly. Ties have probability 0, so
 * P(B > A) = 1 − P(A > B); when the answer is above ½ it is computed as that complement, which keeps the
 * precision of a probability close to 1 and sums over whichever side is smaller.
 */
export function probabilityBBeatsA(a: VariantCounts, b: VariantCounts): number {
  const alphaA = 1 + a.successes;
  const betaA = 1 + a.samples - a.successes;
  const alphaB = 1 + b.successes;
  const betaB = 1 + b.samples - b.successes;
  const direct = () => probabilityGreater(alphaB, betaB, alphaA, betaA);
  const complement = () => 1 - probabilityGreater(alphaA, betaA, alphaB, betaB);
  // The mean rates tell which side of ½ the answer lies on.
  const bAhead = alphaB / (alphaB + betaB) > alphaA / (alphaA + betaA);
  const p = bAhead ? complement() : direct();
  return Math.min(1, Math.max(0, p));
}
