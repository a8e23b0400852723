import { describe, expect, it } from "vitest";
import { clamp, Rng, round, WeightedTable } from "./random";

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe("Rng", () => {
  it("repeats its sequence for the same seed and differs for another seed", () => {
    expect(draws(new Rng(42), 20)).toEqual(draws(new Rng(42), 20));
    expect(draws(new Rng("42"), 5)).toEqual(draws(new Rng(42), 5)); // seeds are strings
    expect(draws(new Rng(43), 20)).not.toEqual(draws(new Rng(42), 20));
  });

  it("forks streams that depend on the label and the seed, not on how many draws came before", () => {
    const a = new Rng(7);
    const b = new Rng(7);
    draws(b, 100);
    expect(draws(a.fork("day/2026-01-01"), 10)).toEqual(draws(b.fork("day/2026-01-01"), 10));
    expect(draws(a.fork("day/2026-01-01"), 10)).not.toEqual(draws(a.fork("day/2026-01-02"), 10));
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const values = draws(new Rng("uniform"), 200_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const { mean, variance } = meanAndVariance(values);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it("keeps int() within its inclusive bounds and hits both ends", () => {
    const rng = new Rng("int");
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("draws normals with the requested mean and standard deviation", () => {
    const rng = new Rng("normal");
    const { mean, variance } = meanAndVariance(Array.from({ length: 100_000 }, () => rng.normal(10, 2)));
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
  });

  it("draws Poisson counts with mean and variance λ, on both sides of the λ = 30 switch", () => {
    for (const lambda of [3.5, 80]) {
      const rng = new Rng(`poisson-${lambda}`);
      const { mean, variance } = meanAndVariance(Array.from({ length: 50_000 }, () => rng.poisson(lambda)));
      expect(Math.abs(mean - lambda) / lambda).toBeLessThan(0.02);
      expect(Math.abs(variance - lambda) / lambda).toBeLessThan(0.05);
    }
  });

  it("draws binomial counts with mean np and variance np(1 − p)", () => {
    const rng = new Rng("binomial");
    const { mean, variance } = meanAndVariance(Array.from({ length: 5_000 }, () => rng.binomial(200, 0.3)));
    expect(mean).toBeCloseTo(60, 0); // np = 60
    expect(Math.abs(variance - 42) / 42).toBeLessThan(0.08); // np(1 − p) = 42
  });

  it("draws Beta(α, β) with mean α/(α + β) and variance αβ/((α + β)²(α + β + 1))", () => {
    const rng = new Rng("beta");
    // Beta(2, 6): mean 0.25, variance 12 / (64 · 9) = 1/48.
    const { mean, variance } = meanAndVariance(Array.from({ length: 50_000 }, () => rng.beta(2, 6)));
    expect(mean).toBeCloseTo(0.25, 2);
    expect(variance).toBeCloseTo(1 / 48, 3);
  });

  it("makes version-4-shaped UUIDs", () => {
    const rng = new Rng("uuid");
    const ids = Array.from({ length: 1_000 }, () => rng.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("samples distinct sorted indices and shuffles as a permutation", () => {
    const rng = new Rng("sample");
    const sample = rng.sampleIndices(100, 10);
    expect(sample).toHaveLength(10);
    expect(new Set(sample).size).toBe(10);
    expect([...sample].sort((a, b) => a - b)).toEqual(sample);
    expect(rng.sampleIndices(5, 9)).toEqual([0, 1, 2, 3, 4]);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("WeightedTable", () => {
  it("picks each value in proportion to its weight and never a zero-weight one", () => {
    const table = new WeightedTable([["a", 1], ["b", 3], ["never", 0], ["c", 6]] as const);
    const rng = new Rng("weighted");
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, never: 0 };
    for (let i = 0; i < 100_000; i++) counts[table.pick(rng)]! += 1;
    expect(counts.never).toBe(0);
    expect(counts.a! / 100_000).toBeCloseTo(0.1, 2);
    expect(counts.b! / 100_000).toBeCloseTo(0.3, 2);
    expect(counts.c! / 100_000).toBeCloseTo(0.6, 2);
  });

  it("rejects an empty or all-zero table", () => {
    expect(() => new WeightedTable([])).toThrow(RangeError);
    expect(() => new WeightedTable([["x", 0]])).toThrow(RangeError);
  });
});

describe("clamp and round", () => {
  it("clamps to the range and rounds to the given decimals", () => {
    expect(clamp(1.5, 0, 1)).toBe(1);
    expect(clamp(-2, 0, 1)).toBe(0);
    expect(round(0.123456, 4)).toBe(0.1235);
    expect(round(2.5, 0)).toBe(3);
  });
});
