import type { Matrix } from "./matrix";

/**
 * The first two principal components of a matrix's rows, by power iteration with deflation on the covariance
 * applied implicitly (Cᵥ = Xᵀ(Xv)/n on the centred rows, never forming the dim × dim matrix). Returns each row's
 * coordinates on the two components. Deterministic: the iteration starts from a fixed vector.
 */
export function projectTo2d(matrix: Matrix, iterations = 100): { x: number; y: number }[] {
  const { data, rows, dim } = matrix;
  if (rows === 0) return [];
  const mean = new Float64Array(dim);
  for (let i = 0; i < rows; i++) for (let j = 0; j < dim; j++) mean[j]! += (data[i * dim + j] as number) / rows;
  const centred = new Float64Array(rows * dim);
  for (let i = 0; i < rows; i++) for (let j = 0; j < dim; j++) centred[i * dim + j] = (data[i * dim + j] as number) - (mean[j] as number);

  const components: Float64Array[] = [];
  for (let c = 0; c < 2; c++) {
    let v = new Float64Array(dim).map((_, j) => 1 / Math.sqrt(dim) + (j % 7) * 1e-3);
    for (let it = 0; it < iterations; it++) {
      const next = new Float64Array(dim);
      for (let i = 0; i < rows; i++) {
        let score = 0;
        for (let j = 0; j < dim; j++) score += (centred[i * dim + j] as number) * (v[j] as number);
        for (let j = 0; j < dim; j++) next[j]! += score * (centred[i * dim + j] as number);
      }
      // Deflation: remove the components already found.
      for (const previous of components) {
        let dot = 0;
        for (let j = 0; j < dim; j++) dot += (next[j] as number) * (previous[j] as number);
        for (let j = 0; j < dim; j++) next[j]! -= dot * (previous[j] as number);
      }
      const norm = Math.hypot(...next);
      if (norm === 0) break;
      v = next.map((x) => x / norm);
    }
    components.push(v);
  }
  return Array.from({ length: rows }, (_, i) => {
    let x = 0;
    let y = 0;
    for (let j = 0; j < dim; j++) {
      x += (centred[i * dim + j] as number) * (components[0]![j] as number);
      y += (centred[i * dim + j] as number) * (components[1]![j] as number);
    }
    return { x, y };
  });
}
