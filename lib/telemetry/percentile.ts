/**
 * Percentiles by linear interpolation between closest ranks: NumPy's default (`method="linear"`, type 7 in
 * Hyndman and Fan 1996, also R's default and Excel's PERCENTILE.INC).
 *
 * For n sorted values x[0] ≤ … ≤ x[n-1] and a fraction p in [0, 1]:
 *   h = (n - 1) · p,   percentile = x[⌊h⌋] + (h - ⌊h⌋) · (x[⌊h⌋ + 1] - x[⌊h⌋])
 * so p = 0 is the minimum, p = 1 the maximum, and p = 0.5 the usual median. v1 reported the mean as p50, p95 and
 * p99 (defect 3); these are the real order statistics.
 */

/** Percentile `p` (a fraction in [0, 1]) of values already sorted ascending; null for no values. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile fraction must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  const low = sorted[lower] as number;
  return low + (h - lower) * ((sorted[upper] as number) - low);
}

/** Several percentiles of unsorted values (sorted once, as a copy). */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => percentileOfSorted(sorted, p));
}
