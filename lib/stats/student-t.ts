import { normalQuantile } from "./normal";

/**
 * P(|T| < t) for Student's t with integer ν degrees of freedom, the finite sums of Abramowitz & Stegun 26.7.3–4
 * in θ = atan(t/√ν): for odd ν, (2/π)[θ + sin θ (cos θ + ⅔cos³θ + … )]; for even ν, sin θ [1 + ½cos²θ + ⅜cos⁴θ + …].
 */
function centralProbability(t: number, nu: number): number {
  const theta = Math.atan(t / Math.sqrt(nu));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  if (nu % 2 === 1) {
    if (nu === 1) return (2 / Math.PI) * theta;
    let term = Math.cos(theta);
    let sum = term;
    for (let k = 3; k <= nu - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 2; k <= nu - 2; k += 2) {
    term *= (c2 * (k - 1)) / k;
    sum += term;
  }
  return s * sum;
}

/**
 * Quantile of Student's t distribution with ν degrees of freedom, for 0.5 < p < 1: bisection on the exact CDF
 * for integer ν up to 1,000; above, the normal quantile's Cornish–Fisher correction z + z(z² + 1)/(4ν), whose
 * error there is below 1e-6.
 */
export function studentTQuantile(p: number, nu: number): number {
  if (!(p > 0.5 && p < 1)) throw new RangeError(`studentTQuantile needs 0.5 < p < 1, got ${p}`);
  if (!(Number.isInteger(nu) && nu >= 1)) throw new RangeError(`studentTQuantile needs a whole ν ≥ 1, got ${nu}`);
  const z = normalQuantile(p);
  if (nu > 1000) return z + (z * (z * z + 1)) / (4 * nu);
  const target = 2 * p - 1;
  let low = 0;
  let high = Math.max(1, z);
  while (centralProbability(high, nu) < target) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (centralProbability(mid, nu) < target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

export type MeanInterval = { n: number; mean: number; lower: number; upper: number } | null;

/** Mean with its two-sided 95% t interval, x̄ ± t(0.975, n−1)·s/√n (s with n − 1). Null for n = 0; n = 1 has no spread, so no interval. */
export function meanWithInterval(n: number, sum: number, sumOfSquares: number): MeanInterval {
  if (n === 0) return null;
  const mean = sum / n;
  if (n === 1) return { n, mean, lower: Number.NaN, upper: Number.NaN };
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return { n, mean, lower: mean - half, upper: mean + half };
}
