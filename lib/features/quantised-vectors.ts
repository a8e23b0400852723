import { Int8DotKernel } from "./int8-dot-kernel";

/**
 * An int8 copy of an index's unit vectors for the search's first pass, with what it takes to bound its error.
 * Row i is stored as codes a (each in −127…127) and a scale s = max|v| / 127, so v ≈ s·a. For a query q ≈ t·b
 * (int16 codes), Cauchy–Schwarz bounds the error of the approximate score s·t·(a·b) against the exact v·q:
 *
 *   v·q − s·a·t·b = (v − s·a)·q + s·a·(q − t·b)   ⇒   |error| ≤ ‖v − s·a‖·‖q‖ + ‖s·a‖·‖q − t·b‖
 *
 * so each row keeps ‖v − s·a‖ (`residuals`) and ‖s·a‖ (`norms`); `upperBounds` turns them into a score no row can
 * exceed. The bound is proven, not estimated, so the search's re-rank can show it missed nothing.
 */
export type QuantisedVectors = {
  kernel: Int8DotKernel;
  scales: Float64Array;
  residuals: Float64Array;
  norms: Float64Array;
};

export type QuantisedQuery = { scale: number; residual: number; norm: number };

const ROW_CODE = 127;
// Covers the float64 rounding of the exact and approximate scores (each off by ~1e-14 at 384 dimensions).
const SLACK = 1e-6;

export function quantiseRows(vectors: Float32Array, size: number, dim: number): QuantisedVectors {
  const kernel = new Int8DotKernel(size, dim);
  const scales = new Float64Array(size);
  const residuals = new Float64Array(size);
  const norms = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const offset = i * dim;
    let max = 0;
    for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(vectors[offset + j] as number));
    if (max === 0) continue;
    const scale = max / ROW_CODE;
    const out = i * kernel.stride;
    let residual = 0;
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      const value = vectors[offset + j] as number;
      const code = Math.max(-ROW_CODE, Math.min(ROW_CODE, Math.round(value / scale)));
      kernel.rows[out + j] = code;
      residual += (value - scale * code) ** 2;
      norm += (scale * code) ** 2;
    }
    scales[i] = scale;
    residuals[i] = Math.sqrt(residual);
    norms[i] = Math.sqrt(norm);
  }
  return { kernel, scales, residuals, norms };
}

/** Writes the query's int16 codes into the kernel. Its largest code keeps every int32 sum from overflowing. */
export function quantiseQuery(q: Float32Array, kernel: Int8DotKernel): QuantisedQuery {
  const largest = Math.min(32_767, Math.floor(2 ** 31 / (ROW_CODE * kernel.stride)) - 1);
  let max = 0;
  let norm = 0;
  for (const value of q) {
    max = Math.max(max, Math.abs(value));
    norm += value * value;
  }
  const scale = max > 0 ? max / largest : 0;
  let residual = 0;
  for (let j = 0; j < q.length; j++) {
    const value = q[j] as number;
    const code = scale > 0 ? Math.max(-largest, Math.min(largest, Math.round(value / scale))) : 0;
    kernel.query[j] = code;
    residual += (value - scale * code) ** 2;
  }
  return { scale, residual: Math.sqrt(residual), norm: Math.sqrt(norm) };
}

/** Scores no row's exact cosine can exceed, from the kernel's integer dot products. */
export function upperBound(vectors: QuantisedVectors, query: QuantisedQuery, dots: Int32Array, row: number): number {
  return (
    (vectors.scales[row] as number) * query.scale * (dots[row] as number) +
    (vectors.residuals[row] as number) * query.norm +
    (vectors.norms[row] as number) * query.residual +
    SLACK
  );
}
