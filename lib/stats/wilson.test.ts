import { describe, expect, it } from "vitest";
import { wilsonInterval, Z_95 } from "./wilson";

describe("wilsonInterval", () => {
  it("gives the published 95% interval for 8 successes in 10 trials: [0.4902, 0.9433]", () => {
    const interval = wilsonInterval(8, 10)!;
    expect(interval.lower).toBeCloseTo(0.4902, 4);
    expect(interval.upper).toBeCloseTo(0.9433, 4);
  });

  it("gives Newcombe's (1998, Table I) 95% interval for 81 of 263: [0.2553, 0.3662]", () => {
    const interval = wilsonInterval(81, 263)!;
    expect(interval.lower).toBeCloseTo(0.2553, 4);
    expect(interval.upper).toBeCloseTo(0.3662, 4);
  });

  // statsmodels 0.13 proportion_confint(method="wilson"), from /work/shared/reference/ab-stats-vectors.json.
  it.each([
    [308, 800, 0.35190703159635445, 0.4191921099309512],
    [5, 50, 0.0434757649318904, 0.21360231437479657],
    [7437, 10000, 0.7350505557735837, 0.7521622834205485],
    [136932, 250000, 0.5457762673786528, 0.5496782658827122],
  ])("matches statsmodels for %i of %i to 1e-9", (successes, trials, lower, upper) => {
    const interval = wilsonInterval(successes, trials)!;
    expect(Math.abs(interval.lower - lower) / lower).toBeLessThan(1e-9);
    expect(Math.abs(interval.upper - upper) / upper).toBeLessThan(1e-9);
  });

  it("stays inside [0, 1] at the extremes, where 0 of n has lower bound 0 and n of n upper bound 1", () => {
    expect(wilsonInterval(0, 10)).toEqual({ lower: 0, upper: expect.closeTo(0.2775, 4) });
    expect(wilsonInterval(10, 10)).toEqual({ lower: expect.closeTo(0.7225, 4), upper: 1 });
  });

  it("is null with no trials, since nothing is known about the proportion", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("narrows as z shrinks: a 1-sigma interval sits inside the 95% one", () => {
    const wide = wilsonInterval(30, 100, Z_95)!;
    const narrow = wilsonInterval(30, 100, 1)!;
    expect(narrow.lower).toBeGreaterThan(wide.lower);
    expect(narrow.upper).toBeLessThan(wide.upper);
  });

  it("rejects counts that are not whole, negative, or more successes than trials", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(/11|1.5 of 10/);
  });
});
