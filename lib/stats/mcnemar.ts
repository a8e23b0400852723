import { binomialLogPmf } from "./binomial-log-pmf";

export type McNemarCounts = {
  /** Discordant pairs where only A is right. */
  onlyAcorrect: number;
  /** Discordant pairs where only B is right. */
  onlyBcorrect: number;
};

/**
 * Exact two-sided McNemar test (McNemar 1947; the exact binomial form, as statsmodels'
 * `mcnemar(table, exact=True)`): under H0 each discordant pair is equally likely to favour A or B, so with
 * n = b + c discordant pairs, p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(n, 1/2). No discordant pairs: p = 1.
 * The lower tail is summed relative to its largest term, P(X = min(b, c)), evaluated in log space (Loader's
 * saddle-point form), so tiny p-values (53 vs 0 → 2⁻⁵²) and large counts (5000 vs 5200) keep full precision.
 */
export function mcnemarTest({ onlyAcorrect, onlyBcorrect }: McNemarCounts): { pValue: number } {
  for (const [name, value] of [["onlyAcorrect", onlyAcorrect], ["onlyBcorrect", onlyBcorrect]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`mcnemarTest: ${name} must be a whole number ≥ 0, got ${value}`);
  }
  const n = onlyAcorrect + onlyBcorrect;
  if (n === 0) return { pValue: 1 };
  const k = Math.min(onlyAcorrect, onlyBcorrect);
  // Σ_{i ≤ k} P(X = i) / P(X = k), walking down: P(i − 1) / P(i) = i / (n − i + 1).
  let term = 1;
  let sum = 1;
  for (let i = k; i > 0; i--) {
    term *= i / (n - i + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const logTail = binomialLogPmf(k, n, 0.5) + Math.log(sum);
  return { pValue: Math.min(1, 2 * Math.exp(logTail)) };
}
