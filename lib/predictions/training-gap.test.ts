import { describe, expect, it } from "vitest";
import { trainingGap } from "./training-gap";

describe("trainingGap", () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II,
  // example (a): 56/70 − 48/80, method 10 (hybrid score): 0.0524 to 0.3339.
  it("reproduces Newcombe's published hybrid score interval for 56/70 − 48/80", () => {
    const gap = trainingGap({ accuracy: 56 / 70, testSamples: 70 }, { correct: 48, labelled: 80 })!;
    expect(gap.method).toBe("newcombe");
    expect(gap.gap).toBeCloseTo(0.2, 12);
    expect(gap.lower).toBeCloseTo(0.0524, 4);
    expect(gap.upper).toBeCloseTo(0.3339, 4);
    expect(gap.liveSignificantlyWorse).toBe(true);
  });

  it("without a test-set size, subtracts the live Wilson interval from a fixed training accuracy", () => {
    // Live 80/100: Wilson 95% interval [0.711, 0.867] (Brown, Cai & DasGupta 2001) → gap 0.1 in [0.033, 0.189].
    const gap = trainingGap({ accuracy: 0.9, testSamples: null }, { correct: 80, labelled: 100 })!;
    expect(gap.method).toBe("live-only");
    expect(gap.lower).toBeCloseTo(0.9 - 0.8666, 3);
    expect(gap.upper).toBeCloseTo(0.9 - 0.7112, 3);
    expect(gap.liveSignificantlyWorse).toBe(true);
  });

  it("does not flag a gap whose interval includes 0", () => {
    const gap = trainingGap({ accuracy: 0.82, testSamples: 500 }, { correct: 80, labelled: 100 })!;
    expect(gap.lower).toBeLessThan(0);
    expect(gap.liveSignificantlyWorse).toBe(false);
  });

  it("is null without labelled predictions", () => {
    expect(trainingGap({ accuracy: 0.9, testSamples: 100 }, { correct: 0, labelled: 0 })).toBeNull();
  });
});
