import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { matrixFromRows } from "./matrix";
import { silhouetteScore } from "./silhouette";

describe("silhouetteScore", () => {
  it("gives 47/63 for the points 0, 1, 4, 5 split into {0, 1} and {4, 5}", () => {
    // x = 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5 = 7/9.   x = 1: a = 1, b = (3 + 4) / 2 = 3.5, s = 5/7.
    // By symmetry x = 4 gives 5/7 and x = 5 gives 7/9. Mean = (7/9 + 5/7) / 2 = 94/126 = 47/63 ≈ 0.746.
    const matrix = matrixFromRows([[0], [1], [4], [5]]);
    const { score, sampled } = silhouetteScore(matrix, Int32Array.from([0, 0, 1, 1]), 2);
    expect(score).toBeCloseTo(47 / 63, 12);
    expect(sampled).toBe(false);
  });

  it("counts a singleton cluster's point as 0: 0, 1, 10 as {0, 1}, {10} gives 161/270", () => {
    // x = 0: a = 1, b = 10, s = 9/10. x = 1: a = 1, b = 9, s = 8/9. x = 10: alone, s = 0.
    // Mean = (9/10 + 8/9 + 0) / 3 = (81/90 + 80/90) / 3 = 161/270 ≈ 0.596.
    const matrix = matrixFromRows([[0], [1], [10]]);
    expect(silhouetteScore(matrix, Int32Array.from([0, 0, 1]), 2).score).toBeCloseTo(161 / 270, 12);
  });

  it("is negative when points sit in the wrong cluster: 0, 4, 5 as {0, 5}, {4} gives −1/3", () => {
    // Clusters {0, 5} and {4}. x = 0: a = 5, b = 4, s = (4 − 5) / 5 = −1/5. x = 5: a = 5, b = 1, s = −4/5.
    // x = 4 is alone: 0. Mean = (−1/5 − 4/5 + 0) / 3 = −1/3.
    const matrix = matrixFromRows([[0], [4], [5]]);
    expect(silhouetteScore(matrix, Int32Array.from([0, 1, 0]), 2).score).toBeCloseTo(-1 / 3, 12);
  });

  it("estimates on a seeded sample above sampleSize, close to the exact value for well-separated data", () => {
    const rng = new Rng("two-blobs");
    const rows = Array.from({ length: 600 }, (_, i) => [rng.normal(i < 300 ? 0 : 8, 1), rng.normal(0, 1)]);
    const labels = Int32Array.from(rows, (_, i) => (i < 300 ? 0 : 1));
    const matrix = matrixFromRows(rows);
    const exact = silhouetteScore(matrix, labels, 2, { sampleSize: 1000 });
    const estimate = silhouetteScore(matrix, labels, 2, { sampleSize: 200, rng: new Rng(3) });
    expect(exact.sampled).toBe(false);
    expect(estimate).toMatchObject({ sampled: true, sampleCount: 200 });
    expect(Math.abs(estimate.score - exact.score)).toBeLessThan(0.03);
    expect(() => silhouetteScore(matrix, labels, 2, { sampleSize: 200 })).toThrow(/pass an rng/);
  });
});
