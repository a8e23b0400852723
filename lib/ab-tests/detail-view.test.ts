import { describe, expect, it } from "vitest";
import { axisTicks, cumulativeRates, differenceDomain, rateDomain } from "./detail-view";

describe("cumulativeRates", () => {
  it("accumulates samples and successes day by day: 8/10 then 1/10 is 80% then 45%", () => {
    const points = cumulativeRates([
      { day: "2026-01-01", a: { samples: 10, successes: 8 }, b: { samples: 0, successes: 0 } },
      { day: "2026-01-02", a: { samples: 10, successes: 1 }, b: { samples: 4, successes: 3 } },
    ]);
    expect(points).toEqual([
      { day: "2026-01-01", a: 0.8, b: null, samplesA: 10, samplesB: 0 },
      { day: "2026-01-02", a: 0.45, b: 0.75, samplesA: 20, samplesB: 4 },
    ]);
  });
});

describe("axis domains", () => {
  it("pads rates by a 5-point step inside [0, 1]", () => {
    expect(rateDomain([0.72, 0.81])).toEqual([0.65, 0.9]);
    expect(rateDomain([0.01, 0.99])).toEqual([0, 1]);
  });

  it("centres differences on 0 with a rounded bound that holds every value", () => {
    expect(differenceDomain([-0.012, 0.034])).toEqual([-0.04, 0.04]);
    expect(differenceDomain([0.0314, 0.1229])).toEqual([-0.15, 0.15]);
    expect(differenceDomain([0.2, -0.3])).toEqual([-0.35, 0.35]);
  });

  it("ticks rates every 5 points and differences in quarters", () => {
    expect(axisTicks([0.65, 0.9], "rate")).toEqual([0.65, 0.7, 0.75, 0.8, 0.85, 0.9]);
    expect(axisTicks([-0.15, 0.15], "difference")).toEqual([-0.15, -0.075, 0, 0.075, 0.15]);
  });
});
