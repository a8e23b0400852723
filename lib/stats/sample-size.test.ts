import { describe, expect, it } from "vitest";
import { sampleSizePerVariant } from "./sample-size";
import { SAMPLE_SIZE_VECTORS } from "./test-fixtures/ab-reference-vectors";

describe("sampleSizePerVariant", () => {
  it.each(SAMPLE_SIZE_VECTORS.map(({ input, expected }) => [input.baselineRate, input.minimumDetectableEffect, expected, input] as const))(
    "baseline %s, effect %s: %i per variant (SciPy reference)",
    (_, __, expected, input) => {
      expect(sampleSizePerVariant(input)).toBe(expected);
    },
  );

  it("gives the textbook 3,841 per variant for 10% → 12% at α = 0.05, power 0.8", () => {
    // (1.959964·√(2·0.11·0.89) + 0.841621·√(0.09 + 0.1056))² / 0.02² = 3,840.3 → 3,841.
    expect(sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.02 })).toBe(3_841);
  });

  it("needs more samples for more power, a smaller alpha or a smaller effect, and handles a drop", () => {
    const base = sampleSizePerVariant({ baselineRate: 0.3, minimumDetectableEffect: 0.02 });
    expect(sampleSizePerVariant({ baselineRate: 0.3, minimumDetectableEffect: 0.02, power: 0.9 })).toBeGreaterThan(base);
    expect(sampleSizePerVariant({ baselineRate: 0.3, minimumDetectableEffect: 0.02, alpha: 0.01 })).toBeGreaterThan(base);
    expect(sampleSizePerVariant({ baselineRate: 0.3, minimumDetectableEffect: 0.01 })).toBeGreaterThan(base);
    expect(sampleSizePerVariant({ baselineRate: 0.32, minimumDetectableEffect: -0.02 })).toBe(base);
  });

  it("refuses a rate or effect that leaves (0, 1), and a zero effect", () => {
    expect(() => sampleSizePerVariant({ baselineRate: 0.99, minimumDetectableEffect: 0.02 })).toThrow(RangeError);
    expect(() => sampleSizePerVariant({ baselineRate: 0.5, minimumDetectableEffect: 0 })).toThrow(RangeError);
    expect(() => sampleSizePerVariant({ baselineRate: 0, minimumDetectableEffect: 0.1 })).toThrow(RangeError);
  });
});
