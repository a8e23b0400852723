/**
 * The standard normal distribution's tails, which the z-test and the chi-square test with one degree of freedom
 * both reduce to.
 */

/**
 * Complementary error function, Numerical Recipes' Chebyshev fit `erfcc` (Press et al., 2nd ed., §6.2):
 * fractional error below 1.2e-7 everywhere, so even p-values of 1e-200 keep six significant digits.
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

/** Φ(x) = P(Z ≤ x) = erfc(−x / √2) / 2. */
export function standardNormalCdf(x: number): number {
  return erfc(-x / Math.SQRT2) / 2;
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = erfc(|z| / √2). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
