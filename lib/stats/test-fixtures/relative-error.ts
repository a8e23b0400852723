import { expect } from "vitest";

/**
 * Asserts |actual − expected| ≤ tolerance·|expected|. An expected 0 (SciPy's underflow below ~1e-308) accepts any
 * value under 1e-300. Null, NaN and infinities always fail.
 */
export function expectRelativelyClose(actual: number | null | undefined, expected: number, tolerance: number, what = ""): void {
  expect(typeof actual === "number" && Number.isFinite(actual), `${what}: ${actual} is a finite number`).toBe(true);
  const value = actual as number;
  if (expected === 0) {
    expect(Math.abs(value), what).toBeLessThan(1e-300);
    return;
  }
  const error = Math.abs(value - expected) / Math.abs(expected);
  expect(error, `${what}: ${value} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
