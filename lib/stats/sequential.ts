/**
 * Always-valid inference for a difference of means: the asymptotic confidence sequences of Waudby-Smith, Ramdas
 * et al., "Time-uniform central limit theory and asymptotic confidence sequences" (2023, arXiv:2103.06476v7),
 * in the parameterisation GrowthBook's stats engine uses (gbstats, frequentist/tests.py,
 * SequentialTwoSidedTTest, with `sequential_rho` and `sequential_interval_halfwidth`):
 *
 *   ρ  = √((−2 ln α + ln(−2 ln α + 1)) / M)                                   (paper eq. 161)
 *   half-width = √(s²) · √(2(Nρ² + 1) / (N²ρ²) · ln(√(Nρ² + 1) / α))           (eq. 9)
 *   p  = min(1, 1/E),  E = exp(ρ²·S / (2(Nρ² + 1))) / √(Nρ² + 1),  S = N·d̂² / SE²  (eq. 155)
 *
 * where N is the total sample size of both variants, SE the standard error of the estimate d̂ and s² = SE²·N the
 * variance of one observation. M, the tuning parameter, is the sample size at which the sequence is narrowest
 * relative to the fixed-horizon interval; GrowthBook's default is 5,000, which we keep. p < α exactly when the
 * interval excludes 0, and both hold at every N at once with probability 1 − α, so a test may be looked at daily.
 */
export const SEQUENTIAL_TUNING_PARAMETER = 5_000;

export function sequentialRho(alpha: number, tuningParameter: number = SEQUENTIAL_TUNING_PARAMETER): number {
  const twiceLogInverse = -2 * Math.log(alpha);
  return Math.sqrt((twiceLogInverse + Math.log(twiceLogInverse + 1)) / tuningParameter);
}

/**
 * The half-width of the confidence sequence as a multiple of the standard error (the sequential counterpart of
 * z₁₋α/₂): half-width / SE = √(2(Nρ² + 1) / (Nρ²) · ln(√(Nρ² + 1) / α)).
 */
export function sequentialWidthFactor(totalSamples: number, alpha: number, tuningParameter: number = SEQUENTIAL_TUNING_PARAMETER): number {
  const nRho2 = totalSamples * sequentialRho(alpha, tuningParameter) ** 2;
  return Math.sqrt(((2 * (nRho2 + 1)) / nRho2) * Math.log(Math.sqrt(nRho2 + 1) / alpha));
}

/** The always-valid p-value of an estimate with standard error `se` (> 0) after `totalSamples` observations. */
export function sequentialPValue(
  estimate: number,
  se: number,
  totalSamples: number,
  alpha: number,
  tuningParameter: number = SEQUENTIAL_TUNING_PARAMETER,
): number {
  const rho2 = sequentialRho(alpha, tuningParameter) ** 2;
  const scaled = (totalSamples * estimate * estimate) / (se * se);
  const nRho2Plus1 = totalSamples * rho2 + 1;
  // 1/E in logs, so a huge statistic gives 0 rather than 1/Infinity's NaN-prone path.
  const logInverseE = 0.5 * Math.log(nRho2Plus1) - (rho2 * scaled) / (2 * nRho2Plus1);
  return Math.min(1, Math.exp(logInverseE));
}
