import { describe, expect, it } from "vitest";
import { erfc, standardNormalCdf, twoSidedNormalP } from "./normal";

describe("erfc", () => {
  it("matches tabulated values (Abramowitz and Stegun, table 7.1) to the fit's 1.2e-7 relative error", () => {
    // erfc(x) = 1 − erf(x): erf(0.5) = 0.5204998778, erf(1) = 0.8427007929, erf(2) = 0.9953222650.
    expect(Math.abs(erfc(0.5) - 0.4795001222) / 0.4795001222).toBeLessThan(2e-7);
    expect(Math.abs(erfc(1) - 0.1572992071) / 0.1572992071).toBeLessThan(2e-7);
    expect(Math.abs(erfc(2) - 0.004677734981) / 0.004677734981).toBeLessThan(2e-7);
    expect(erfc(0)).toBeCloseTo(1, 6);
  });

  it("is 2 − erfc(−x) for negative arguments", () => {
    expect(erfc(-1)).toBeCloseTo(2 - 0.1572992071, 7);
  });
});

describe("standardNormalCdf", () => {
  it("gives Φ(0) = 0.5, Φ(1.959964) = 0.975 and Φ(−1) = 0.158655", () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(standardNormalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.1586553, 6);
  });
});

describe("twoSidedNormalP", () => {
  it("gives the textbook two-sided p-values at the critical values 1.96, 2.576 and 3.291", () => {
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedNormalP(-2.575829)).toBeCloseTo(0.01, 5);
    expect(twoSidedNormalP(3.290527)).toBeCloseTo(0.001, 6);
    expect(twoSidedNormalP(0)).toBeCloseTo(1, 6);
  });
});
