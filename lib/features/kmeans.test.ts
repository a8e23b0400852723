import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/random";
import { kmeans, nearestRowToEachCentroid } from "./kmeans";
import { matrixFromRows } from "./matrix";

// Three tight groups far apart: around (0, 0), (10, 10) and (0, 10).
const THREE_GROUPS = [
  [0, 0], [0, 1], [1, 0],
  [10, 10], [10, 11], [11, 10],
  [0, 10], [1, 10], [0, 11],
];

/** The partition as sets of row indices, independent of how the clusters happen to be numbered. */
function partition(assignments: Int32Array): number[][] {
  const groups = new Map<number, number[]>();
  assignments.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
  return [...groups.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}

describe("kmeans", () => {
  it("finds three well-separated groups, with centroids at the group means, for several seeds", () => {
    const matrix = matrixFromRows(THREE_GROUPS);
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = kmeans(matrix, 3, { rng: new Rng(seed) });
      expect(partition(result.assignments)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
      expect(result.converged).toBe(true);
      expect(result.sizes).toEqual([3, 3, 3]);
      // Means: (1/3, 1/3), (31/3, 31/3), (1/3, 31/3), in whichever order the clusters were numbered.
      const centroids = [0, 1, 2]
        .map((c) => [result.centroids[c * 2]!, result.centroids[c * 2 + 1]!])
        .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
      const expected = [[1 / 3, 1 / 3], [1 / 3, 31 / 3], [31 / 3, 31 / 3]];
      centroids.forEach((centroid, i) => {
        expect(centroid[0]).toBeCloseTo(expected[i]![0]!, 12);
        expect(centroid[1]).toBeCloseTo(expected[i]![1]!, 12);
      });
      // Inertia: each group contributes 2/9 + 5/9 + 5/9 = 4/3 around its mean, so 3 · 4/3 = 4.
      expect(result.inertia).toBeCloseTo(4, 10);
    }
  });

  it("is reproducible: the same seed gives the same clustering of the same data", () => {
    const rng = new Rng("data");
    const rows = Array.from({ length: 200 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const a = kmeans(matrixFromRows(rows), 4, { rng: new Rng(7) });
    const b = kmeans(matrixFromRows(rows), 4, { rng: new Rng(7) });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
  });

  it("with restarts, keeps the lowest-inertia run: never worse than the first start alone", () => {
    // Twelve groups on a line are easy to mis-seed with k = 12; the first of the restarts is the single run.
    const rng = new Rng("line");
    const rows = Array.from({ length: 240 }, (_, i) => [Math.floor(i / 20) * 10 + rng.normal(0, 1)]);
    for (const seed of [1, 2, 3]) {
      const single = kmeans(matrixFromRows(rows), 12, { rng: new Rng(seed) });
      const best = kmeans(matrixFromRows(rows), 12, { rng: new Rng(seed), restarts: 4 });
      expect(best.inertia).toBeLessThanOrEqual(single.inertia);
    }
  });

  it("names as representative of each cluster the row nearest its centroid", () => {
    // Group 1 is 0, 1, 5 on a line (mean 2, nearest row 1); group 2 is 100, 104, 105 (mean 103, nearest 104).
    const matrix = matrixFromRows([[0], [1], [5], [100], [104], [105]]);
    const result = kmeans(matrix, 2, { rng: new Rng(1) });
    const representatives = nearestRowToEachCentroid(matrix, result).sort((a, b) => a - b);
    expect(representatives).toEqual([1, 4]);
  });

  it("rejects k larger than the number of rows", () => {
    expect(() => kmeans(matrixFromRows([[0], [1]]), 3, { rng: new Rng(1) })).toThrow(RangeError);
  });
});
