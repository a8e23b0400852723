import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { cryptoUniform, laplaceNoise, noisyClampedMean, noisyCount, type UniformSource } from "./laplace";

/** A seeded uniform on the open interval (0, 1), for reproducible statistical tests. */
function seededUniform(seed: string): UniformSource {
  const rng = new Rng(seed);
  return () => (rng.uint32() + 0.5) / 4294967296;
}

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
  return { mean, variance };
}

const N = 200_000;

describe("laplaceNoise", () => {
  // Δ = 1, ε = 0.5 → scale b = Δ/ε = 2; Laplace(0, b) has mean 0, variance 2b² = 8 and fourth central moment 24b⁴.
  const b = 1 / 0.5;
  // Standard errors: of the mean sqrt(2b²/N); of the sample variance sqrt((μ4 − σ⁴)/N) = sqrt(20b⁴/N).
  // Five standard errors: a correct sampler fails with probability below 1e-6.
  const meanTolerance = 5 * Math.sqrt((2 * b * b) / N);
  const varianceTolerance = 5 * Math.sqrt((20 * b ** 4) / N);

  it("has mean ≈ 0 and variance ≈ 2(Δ/ε)² over many seeded draws", () => {
    const uniform = seededUniform("laplace-moments");
    const draws = Array.from({ length: N }, () => laplaceNoise(b, uniform));
    const { mean, variance } = moments(draws);
    expect(Math.abs(mean)).toBeLessThan(meanTolerance);
    expect(Math.abs(variance - 2 * b * b)).toBeLessThan(varianceTolerance);
  });

  it("follows the Laplace CDF: Kolmogorov–Smirnov statistic below the α = 0.001 critical value 1.949/√N", () => {
    const uniform = seededUniform("laplace-ks");
    const draws = Array.from({ length: N }, () => laplaceNoise(b, uniform)).sort((x, y) => x - y);
    const cdf = (x: number) => (x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b));
    let d = 0;
    for (const [i, x] of draws.entries()) d = Math.max(d, Math.abs(cdf(x) - i / N), Math.abs((i + 1) / N - cdf(x)));
    expect(d).toBeLessThan(1.949 / Math.sqrt(N));
  });

  it("draws from the cryptographic source by default, with the same moments, and never repeats a run", () => {
    const draws = Array.from({ length: N }, () => laplaceNoise(b));
    const { mean, variance } = moments(draws);
    expect(Math.abs(mean)).toBeLessThan(meanTolerance);
    expect(Math.abs(variance - 2 * b * b)).toBeLessThan(varianceTolerance);
    expect(laplaceNoise(b)).not.toBe(laplaceNoise(b));
    const u = Array.from({ length: 1000 }, cryptoUniform);
    expect(u.every((x) => x > 0 && x < 1)).toBe(true);
  });

  it("inverts the CDF exactly: u = 0.75 gives b·ln 2, u = 0.25 gives −b·ln 2", () => {
    expect(laplaceNoise(2, () => 0.75)).toBeCloseTo(2 * Math.LN2, 12);
    expect(laplaceNoise(2, () => 0.25)).toBeCloseTo(-2 * Math.LN2, 12);
    expect(Math.abs(laplaceNoise(2, () => 0.5))).toBe(0);
  });

  it("refuses a non-positive scale or ε", () => {
    expect(() => laplaceNoise(0)).toThrow(RangeError);
    expect(() => noisyCount(10, 0)).toThrow(/ε must be a positive number/);
    expect(() => noisyCount(10, -1)).toThrow(RangeError);
  });
});

describe("noisyCount and noisyClampedMean", () => {
  it("a noisy count is unbiased with variance 2/ε²", () => {
    const uniform = seededUniform("count");
    const epsilon = 1;
    const draws = Array.from({ length: N }, () => noisyCount(100, epsilon, uniform));
    const { mean, variance } = moments(draws);
    expect(Math.abs(mean - 100)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(variance - 2)).toBeLessThan(5 * Math.sqrt(20 / N));
  });

  it("a clamped mean stays inside the bounds and concentrates on the clamped mean as ε grows", () => {
    const uniform = seededUniform("mean");
    const values = [50, 150, 250, 20_000]; // the last clamps to 1000 → clamped mean (50+150+250+1000)/4 = 362.5
    const bounds = { lower: 0, upper: 1000 };
    const loose = Array.from({ length: 2000 }, () => noisyClampedMean(values, bounds, 0.1, uniform));
    expect(loose.every((m) => m === null || (m >= 0 && m <= 1000))).toBe(true);
    const tight = Array.from({ length: 2000 }, () => noisyClampedMean(values, bounds, 1000, uniform)!);
    expect(moments(tight).mean).toBeCloseTo(362.5, 0);
  });
});
