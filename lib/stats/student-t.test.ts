import { describe, expect, it } from "vitest";
import { meanWithInterval, studentTQuantile } from "./student-t";

describe("studentTQuantile", () => {
  // Two-sided 95% critical values t(0.975, ν) from the standard table (NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
  ])("t(0.975, %i) = %f", (nu, expected) => {
    expect(studentTQuantile(0.975, nu)).toBeCloseTo(expected, 3);
  });

  it("t(0.995, 20) = 2.845 (99% two-sided)", () => {
    expect(studentTQuantile(0.995, 20)).toBeCloseTo(2.845, 3);
  });
});

describe("meanWithInterval", () => {
  it("values 1..5: mean 3, s = √2.5, half width t(0.975,4)·s/√5 = 2.776·0.7071 = 1.963", () => {
    const values = [1, 2, 3, 4, 5];
    const result = meanWithInterval(5, 15, values.reduce((s, x) => s + x * x, 0))!;
    expect(result.mean).toBe(3);
    expect(result.upper - result.mean).toBeCloseTo(1.963, 3);
    expect(result.mean - result.lower).toBeCloseTo(1.963, 3);
  });

  it("no values: null; one value: a mean without an interval", () => {
    expect(meanWithInterval(0, 0, 0)).toBeNull();
    expect(Number.isNaN(meanWithInterval(1, 0.4, 0.16)!.lower)).toBe(true);
  });
});
