import { describe, expect, it } from "vitest";
import { erfc, normalQuantile, standardNormalCdf, twoSidedNormalP } from "./normal";
import { expectRelativelyClose } from "./test-fixtures/relative-error";

describe("erfc", () => {
  it("matches tabulated values (Abramowitz and Stegun, table 7.1)", () => {
    // erfc(x) = 1 − erf(x): erf(0.5) = 0.5204998778, erf(1) = 0.8427007929, erf(2) = 0.9953222650.
    expect(Math.abs(erfc(0.5) - 0.4795001222) / 0.4795001222).toBeLessThan(2e-7);
    expect(Math.abs(erfc(1) - 0.1572992071) / 0.1572992071).toBeLessThan(2e-7);
    expect(Math.abs(erfc(2) - 0.004677734981) / 0.004677734981).toBeLessThan(2e-7);
    expect(erfc(0)).toBe(1);
  });

  // 30-digit values from mpmath 1.3 (mp.erfc), deep into the tail where p-values of 1e-296 live.
  it.each([
    [0.1, 0.8875370839817151], [0.5, 0.47950012218695346], [1, 0.15729920705028513], [2, 0.0046777349810472658],
    [3, 2.2090496998585441e-5], [5, 1.5374597944280349e-12], [10, 2.0884875837625448e-45], [20, 5.3958656116079009e-176],
    [26, 5.6631924088561428e-296],
  ])("erfc(%s) agrees with mpmath to 1e-13 relative", (x, expected) => {
    expectRelativelyClose(erfc(x), expected, 1e-13, `erfc(${x})`);
  });

  it("is 2 − erfc(−x) for negative arguments, and 0 or 2 beyond double range", () => {
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 15);
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
  });
});

describe("standardNormalCdf", () => {
  it("gives Φ(0) = 0.5, Φ(1.959964) = 0.975 and Φ(−1) = 0.158655", () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 15);
    expect(standardNormalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.15865525393145705, 15);
  });
});

describe("twoSidedNormalP", () => {
  it("gives the textbook two-sided p-values at the critical values 1.96, 2.576 and 3.291", () => {
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedNormalP(-2.575829)).toBeCloseTo(0.01, 5);
    expect(twoSidedNormalP(3.290527)).toBeCloseTo(0.001, 6);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});

describe("normalQuantile", () => {
  // mpmath 1.3: √2 · erfinv(2p − 1) at 30 digits.
  it.each([
    [1e-10, -6.3613409024040562], [0.001, -3.0902323061678135], [0.025, -1.9599639845400542], [0.2, -0.84162123357291417],
    [0.8, 0.84162123357291436], [0.975, 1.9599639845400539], [0.9995, 3.2905267314919258],
  ])("Φ⁻¹(%s) agrees with mpmath to 1e-14 relative", (p, expected) => {
    expectRelativelyClose(normalQuantile(p), expected, 1e-14, `quantile(${p})`);
  });

  it("is 0 at ½ and inverts Φ", () => {
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [1e-300, 1e-20, 0.01, 0.3, 0.7, 0.99]) expectRelativelyClose(standardNormalCdf(normalQuantile(p)), p, 1e-13, `Φ(Φ⁻¹(${p}))`);
  });

  it("refuses p outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
