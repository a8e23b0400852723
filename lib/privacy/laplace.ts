/**
 * The Laplace mechanism (Dwork, McSherry, Nissim & Smith 2006; Dwork & Roth, "The Algorithmic Foundations of
 * Differential Privacy", §3.3): releasing f(x) + Lap(Δf/ε) is ε-differentially private when Δf is the L1
 * sensitivity of f. v1 added a fixed number and never applied it (defect 4); here the noise is drawn fresh from a
 * cryptographic source for every release.
 *
 * Privacy unit: one raw row (event-level). A count changes by at most 1 when one row is added or removed.
 */

/** A uniform draw in the open interval (0, 1). */
export type UniformSource = () => number;

/** 53 random bits from the operating system's CSPRNG, mapped to the centre of one of 2^53 cells of (0, 1). */
export const cryptoUniform: UniformSource = () => {
  const words = crypto.getRandomValues(new Uint32Array(2));
  const bits = (words[0]! >>> 5) * 67108864 + (words[1]! >>> 6); // 27 + 26 = 53 bits
  return (bits + 0.5) / 9007199254740992;
};

/**
 * One draw from Laplace(0, scale) by inverting its CDF: with u uniform on (−½, ½),
 * X = −scale · sgn(u) · ln(1 − 2|u|). Mean 0, variance 2·scale².
 */
export function laplaceNoise(scale: number, uniform: UniformSource = cryptoUniform): number {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`Laplace scale must be positive, got ${scale}`);
  const u = uniform() - 0.5;
  if (!(u > -0.5 && u < 0.5)) throw new RangeError("uniform source must draw from the open interval (0, 1)");
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

function checkEpsilon(epsilon: number): void {
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) throw new RangeError(`ε must be a positive number, got ${epsilon}`);
}

/** A count released with ε-DP: sensitivity 1, so noise Lap(1/ε). May be negative or fractional, as released. */
export function noisyCount(count: number, epsilon: number, uniform: UniformSource = cryptoUniform): number {
  checkEpsilon(epsilon);
  return count + laplaceNoise(1 / epsilon, uniform);
}

/**
 * The mean of values clamped to [lower, upper], released with ε-DP. Half of ε buys a noisy sum (sensitivity
 * max(|lower|, |upper|) under adding or removing one row), half a noisy count (sensitivity 1); the ratio is
 * post-processing and clamped back into [lower, upper] (Dwork & Roth §3.3; the "noisy sum over noisy count"
 * estimator of Li et al., "Differential Privacy: From Theory to Practice", 2016). Null when the noisy count is
 * below 1, since a mean of (almost) nothing says nothing.
 */
export function noisyClampedMean(
  values: readonly number[],
  bounds: { lower: number; upper: number },
  epsilon: number,
  uniform: UniformSource = cryptoUniform,
): number | null {
  checkEpsilon(epsilon);
  const { lower, upper } = bounds;
  if (!(lower < upper)) throw new RangeError("clamping bounds must satisfy lower < upper");
  const sum = values.reduce((total, value) => total + Math.min(upper, Math.max(lower, value)), 0);
  const sensitivity = Math.max(Math.abs(lower), Math.abs(upper));
  const noisySum = sum + laplaceNoise(sensitivity / (epsilon / 2), uniform);
  const noisyN = values.length + laplaceNoise(1 / (epsilon / 2), uniform);
  if (noisyN < 1) return null;
  return Math.min(upper, Math.max(lower, noisySum / noisyN));
}
