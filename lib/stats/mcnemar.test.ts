import { describe, expect, it } from "vitest";
import { mcnemarTest } from "./mcnemar";

/** |actual − expected| ≤ tolerance·|expected|. */
function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// ../shared/reference/ab-stats-vectors.json `mcnemar`, computed with statsmodels 0.13
// (mcnemar(table, exact=True)), copied here value for value.
const REFERENCE: [onlyAcorrect: number, onlyBcorrect: number, pValue: number][] = [
  [21, 13, 0.22948101302608848],
  [30, 39, 0.3355576182340152],
  [57, 39, 0.08219306855694353],
  [53, 0, 2.220446049250313e-16],
  [30, 58, 0.0037465093469812305],
  [41, 22, 0.022574972673257185],
  [51, 41, 0.34814129031920615],
  [5, 53, 3.496476719266895e-11],
  [42, 7, 3.6245783263666453e-7],
  [58, 24, 0.00022196403499337815],
  [50, 45, 0.6817425059181854],
  [48, 12, 3.183628737933597e-6],
];

describe("mcnemarTest", () => {
  it.each(REFERENCE)("agrees with statsmodels for %i vs %i discordant pairs", (onlyAcorrect, onlyBcorrect, pValue) => {
    expectRelativelyClose(mcnemarTest({ onlyAcorrect, onlyBcorrect }).pValue, pValue);
  });

  it("is symmetric in A and B", () => {
    for (const [a, b, pValue] of REFERENCE) expectRelativelyClose(mcnemarTest({ onlyAcorrect: b, onlyBcorrect: a }).pValue, pValue);
  });

  // Exact values from integer arithmetic: 2·Σ_{i≤k} C(n, i) / 2ⁿ as a fraction (Python's math.comb and
  // fractions.Fraction), rounded to a double once at the end.
  it.each([
    [5000, 5200, 0.04878796312682245],
    [20000, 20500, 0.013153825113143827],
    [100, 140, 0.011664092317677663],
    [2, 7, 0.1796875],
    [3, 0, 0.25],
  ])("keeps full precision at %i vs %i", (onlyAcorrect, onlyBcorrect, pValue) => {
    expectRelativelyClose(mcnemarTest({ onlyAcorrect, onlyBcorrect }).pValue, pValue);
  });

  it("by hand: 1 vs 0 gives 2·(1/2) = 1, and equal counts never reject", () => {
    expect(mcnemarTest({ onlyAcorrect: 1, onlyBcorrect: 0 }).pValue).toBe(1);
    expect(mcnemarTest({ onlyAcorrect: 40, onlyBcorrect: 40 }).pValue).toBe(1);
  });

  it("gives p = 1 when there are no discordant pairs", () => {
    expect(mcnemarTest({ onlyAcorrect: 0, onlyBcorrect: 0 })).toEqual({ pValue: 1 });
  });

  it("refuses counts that are not whole numbers ≥ 0", () => {
    expect(() => mcnemarTest({ onlyAcorrect: -1, onlyBcorrect: 3 })).toThrow(RangeError);
    expect(() => mcnemarTest({ onlyAcorrect: 1.5, onlyBcorrect: 3 })).toThrow(RangeError);
  });
});
