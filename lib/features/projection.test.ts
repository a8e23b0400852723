import { describe, expect, it } from "vitest";
import { matrixFromRows } from "./matrix";
import { projectTo2d } from "./projection";

describe("projectTo2d", () => {
  it("finds the directions of greatest spread: points on a 3-D line stretched along (1, 1, 0)", () => {
    // Rows t·(1, 1, 0)/√2 + s·(0, 0, 1) with t ∈ {−10..10 step 5}, s ∈ {−1, 1}: the first component is (1,1,0)/√2
    // with variance far above the second's (0, 0, 1), so x = ±t and y = ±s exactly.
    const rows: number[][] = [];
    for (const t of [-10, -5, 0, 5, 10]) for (const s of [-1, 1]) rows.push([t / Math.SQRT2, t / Math.SQRT2, s]);
    const points = projectTo2d(matrixFromRows(rows));
    points.forEach((point, i) => {
      expect(Math.abs(point.x)).toBeCloseTo(Math.abs([-10, -5, 0, 5, 10][Math.floor(i / 2)]!), 6);
      expect(Math.abs(point.y)).toBeCloseTo(1, 6);
    });
  });
});
