const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

// Stirling's series for ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π): B₂ₖ / (2k(2k − 1) x^(2k−1)), k = 1…7.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];

/** Below this the argument is shifted up first; at 15 the series' first omitted term is under 1e-19. */
const SHIFT_TO = 15;

/**
 * ln Γ(x) for x > 0: Stirling's asymptotic series (Abramowitz & Stegun 6.1.40) at x ≥ 15, and the recurrence
 * Γ(x) = Γ(x + k) / (x(x + 1)…(x + k − 1)) below it. Absolute error about 1e-15 · ln Γ(x).
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a finite x > 0, got ${x}`);
  let shift = 0;
  let product = 1;
  while (x < SHIFT_TO) {
    product *= x;
    x += 1;
    shift++;
  }
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inverseSquared + (STIRLING[k] as number);
  const value = (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series * inverse;
  return shift === 0 ? value : value - Math.log(product);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
