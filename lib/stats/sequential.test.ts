import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { analyzeAbTest } from "./ab-analysis";
import { sequentialPValue, sequentialRho, sequentialWidthFactor } from "./sequential";

const Z_975 = 1.959963984540054;

describe("sequential confidence sequences (GrowthBook's parameterisation)", () => {
  it("computes ρ² = (−2 ln α + ln(−2 ln α + 1)) / 5,000 for α = 0.05", () => {
    // −2 ln 0.05 = 5.991464547, ln(6.991464547) = 1.944691; their sum / 5,000 = 0.00158723.
    expect(sequentialRho(0.05) ** 2).toBeCloseTo((5.991464547107979 + Math.log(6.991464547107979)) / 5_000, 15);
  });

  it("is wider than the fixed-horizon interval at every sample size, closest to it near the tuning parameter", () => {
    const sizes = [20, 100, 1_000, 2_000, 5_000, 20_000, 100_000, 1_000_000];
    for (const n of sizes) expect(sequentialWidthFactor(n, 0.05), `N = ${n}`).toBeGreaterThan(Z_975);
    const tightest = sizes.reduce((best, n) => (sequentialWidthFactor(n, 0.05) < sequentialWidthFactor(best, 0.05) ? n : best));
    expect([2_000, 5_000]).toContain(tightest);
    // The interval itself (factor × SE, SE ∝ 1/√N) still shrinks as samples grow.
    const halfWidth = (n: number) => sequentialWidthFactor(n, 0.05) / Math.sqrt(n);
    for (let i = 1; i < sizes.length; i++) expect(halfWidth(sizes[i]!)).toBeLessThan(halfWidth(sizes[i - 1]!));
  });

  it("gives p < α exactly when the interval excludes 0, on both sides of the boundary", () => {
    const n = 4_000;
    const se = 0.01;
    const boundary = sequentialWidthFactor(n, 0.05) * se;
    expect(sequentialPValue(boundary * 1.0001, se, n, 0.05)).toBeLessThan(0.05);
    expect(sequentialPValue(boundary * 0.9999, se, n, 0.05)).toBeGreaterThan(0.05);
    expect(sequentialPValue(boundary, se, n, 0.05)).toBeCloseTo(0.05, 10);
    expect(sequentialPValue(0, se, n, 0.05)).toBe(1);
  });

  it("through analyzeAbTest: intervals wider than fixed-horizon, p larger, p < α iff the interval excludes 0", () => {
    const inputs = [
      { a: { samples: 10_000, successes: 2_962 }, b: { samples: 12_150, successes: 3_184 } },
      { a: { samples: 800, successes: 308 }, b: { samples: 1_014, successes: 346 } },
      { a: { samples: 250_000, successes: 127_583 }, b: { samples: 208_418, successes: 107_466 } },
      { a: { samples: 2_000, successes: 800 }, b: { samples: 2_000, successes: 880 } },
    ];
    for (const input of inputs) {
      const fixed = analyzeAbTest({ ...input, trafficSplit: 0.5 });
      const sequential = analyzeAbTest({ ...input, trafficSplit: 0.5, sequential: true });
      expect(sequential.mode).toBe("sequential");
      expect(sequential.difference.estimate).toBe(fixed.difference.estimate);
      expect(sequential.difference.ci![0]).toBeLessThan(fixed.difference.ci![0]);
      expect(sequential.difference.ci![1]).toBeGreaterThan(fixed.difference.ci![1]);
      expect(sequential.relativeLift.ci![0]).toBeLessThan(fixed.relativeLift.ci![0]);
      expect(sequential.pValue!).toBeGreaterThan(fixed.pValue!);
      const excludesZero = sequential.difference.ci![0] > 0 || sequential.difference.ci![1] < 0;
      expect(sequential.pValue! < 0.05).toBe(excludesZero);
    }
  });

  it("keeps the false-positive rate of daily peeking at or below α, where the fixed-horizon test's exceeds it", () => {
    // 400 A/A tests (both variants at 30%), 200 samples per variant a day, looked at every day for 30 days; a test
    // counts as a false positive if any look shows p < 0.05. Fixed seed, so the counts are the same every run.
    const rng = new Rng("sequential-peeking");
    const experiments = 400;
    const days = 30;
    const perDay = 200;
    let fixedFalsePositives = 0;
    let sequentialFalsePositives = 0;
    for (let e = 0; e < experiments; e++) {
      const a = { samples: 0, successes: 0 };
      const b = { samples: 0, successes: 0 };
      let fixedRejected = false;
      let sequentialRejected = false;
      for (let day = 0; day < days; day++) {
        for (let i = 0; i < perDay; i++) {
          a.successes += rng.chance(0.3) ? 1 : 0;
          b.successes += rng.chance(0.3) ? 1 : 0;
        }
        a.samples += perDay;
        b.samples += perDay;
        fixedRejected ||= analyzeAbTest({ a, b, trafficSplit: 0.5 }).pValue! < 0.05;
        sequentialRejected ||= analyzeAbTest({ a, b, trafficSplit: 0.5, sequential: true }).pValue! < 0.05;
      }
      if (fixedRejected) fixedFalsePositives++;
      if (sequentialRejected) sequentialFalsePositives++;
    }
    // Thirty looks inflate the fixed-horizon test's 5% to roughly 20-30% (Armitage, McPherson & Rowe 1969).
    expect(fixedFalsePositives / experiments).toBeGreaterThan(0.1);
    expect(sequentialFalsePositives / experiments).toBeLessThanOrEqual(0.05);
  });
});
