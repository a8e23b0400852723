import { describe, expect, it } from "vitest";
import { asFloat64, matrixFromRows, squaredDistance } from "./matrix";

describe("matrixFromRows", () => {
  it("lays rows out one after another and rejects rows of different lengths", () => {
    const matrix = matrixFromRows([[1, 2, 3], [4, 5, 6]]);
    expect(matrix).toMatchObject({ rows: 2, dim: 3 });
    expect(Array.from(matrix.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => matrixFromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/);
  });
});

describe("squaredDistance", () => {
  it("sums squared differences, including the components past the last group of four", () => {
    // Rows of dimension 5: (1, 2, 3, 4, 5) and (0, 0, 0, 0, 0) are 1 + 4 + 9 + 16 + 25 = 55 apart.
    const data = asFloat64(Float32Array.from([1, 2, 3, 4, 5, 0, 0, 0, 0, 0]));
    expect(squaredDistance(data, 0, data, 5, 5)).toBe(55);
  });
});
