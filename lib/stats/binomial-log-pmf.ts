/**
 * log P(X = x) for X ~ Bin(n, p), accurate to a few ulps even for large n: Catherine Loader's saddle-point
 * expansion ("Fast and accurate computation of binomial probabilities", 2000; R's dbinom_raw), which avoids
 * the cancellation of lgamma(n + 1) − lgamma(x + 1) − lgamma(n − x + 1).
 */
export function binomialLogPmf(x: number, n: number, p: number): number {
  const q = 1 - p;
  if (x === 0) return n === 0 ? 0 : n * Math.log(q);
  if (x === n) return n * Math.log(p);
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p) - deviance(n - x, n * q);
  const lf = Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(n!) for small n, from the exact factorial (exact in a double up to 22!). */
function logFactorial(n: number): number {
  let factorial = 1;
  for (let i = 2; i <= n; i++) factorial *= i;
  return Math.log(factorial);
}

/** δ(n) = log(n!) − ((n + ½)·log n − n + log √(2π)), the error of Stirling's formula, for whole n ≥ 1. */
export function stirlingError(n: number): number {
  if (n <= 15) return logFactorial(n) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_2PI;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** D(x, np) = x·log(x/np) + np − x, by its series when x is near np to avoid cancellation (Loader 2000). */
function deviance(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}
