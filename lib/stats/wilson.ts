/** The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

export type Interval = { lower: number; upper: number };

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Brown, Cai & DasGupta 2001, eq. 4):
 *   (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 * Unlike the normal (Wald) interval it stays inside [0, 1] and keeps its coverage at small n or p̂ near 0 or 1.
 * Returns null when there are no trials, since nothing is then known about the proportion.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ successes ≤ trials, got ${successes} of ${trials}`);
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At p̂ = 0 or 1 the bound is exactly 0 or 1; floating point would leave a residue of ~1e-17.
  return {
    lower: successes === 0 ? 0 : centre - halfWidth,
    upper: successes === trials ? 1 : centre + halfWidth,
  };
}
