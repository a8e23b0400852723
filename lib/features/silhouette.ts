import type { Rng } from "@/lib/random";
import { asFloat64, type Matrix, squaredDistance } from "./matrix";

export type SilhouetteOptions = {
  /** Compute exactly up to this many rows; above it, on a seeded random sample of this many (default 2,000). */
  sampleSize?: number;
  /** Required when the data may exceed sampleSize. */
  rng?: Rng;
};

export type SilhouetteResult = { score: number; sampled: boolean; sampleCount: number };

/**
 * Mean silhouette coefficient with Euclidean distance. For row i in cluster A:
 *   a(i) = mean distance to the other rows of A,
 *   b(i) = min over clusters B ≠ A of the mean distance to the rows of B,
 *   s(i) = (b − a) / max(a, b), and s(i) = 0 when A has one row (Rousseeuw's convention, as in scikit-learn).
 * Exact costs O(n² · dim). Above `sampleSize` rows it is computed on a seeded uniform sample of that many rows,
 * among themselves, which is what scikit-learn's silhouette_score(sample_size=…) does: an unbiased-in-practice
 * estimate whose error shrinks as 1/√sampleSize.
 */
export function silhouetteScore(matrix: Matrix, assignments: Int32Array, k: number, options: SilhouetteOptions = {}): SilhouetteResult {
  const sampleSize = options.sampleSize ?? 2000;
  const { rows: n, dim } = matrix;
  const data = asFloat64(matrix.data);
  let indices: number[];
  let sampled = false;
  if (n > sampleSize) {
    if (!options.rng) throw new RangeError(`silhouette of ${n} rows samples ${sampleSize} of them: pass an rng`);
    indices = options.rng.sampleIndices(n, sampleSize);
    sampled = true;
  } else {
    indices = Array.from({ length: n }, (_, i) => i);
  }
  const m = indices.length;
  if (m < 2) return { score: 0, sampled, sampleCount: m };

  // sumTo[i·k + c]: sum of distances from sample row i to the sample rows of cluster c (each pair computed once).
  const sumTo = new Float64Array(m * k);
  const clusterSize = new Int32Array(k);
  for (let a = 0; a < m; a++) {
    const ia = indices[a] as number;
    const ca = assignments[ia] as number;
    clusterSize[ca] = (clusterSize[ca] as number) + 1;
    for (let b = a + 1; b < m; b++) {
      const ib = indices[b] as number;
      const d = Math.sqrt(squaredDistance(data, ia * dim, data, ib * dim, dim));
      const cb = assignments[ib] as number;
      sumTo[a * k + cb] = (sumTo[a * k + cb] as number) + d;
      sumTo[b * k + ca] = (sumTo[b * k + ca] as number) + d;
    }
  }
  let total = 0;
  for (let a = 0; a < m; a++) {
    const own = assignments[indices[a] as number] as number;
    const ownSize = clusterSize[own] as number;
    if (ownSize <= 1) continue; // s = 0
    const intra = (sumTo[a * k + own] as number) / (ownSize - 1);
    let nearest = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || (clusterSize[c] as number) === 0) continue;
      nearest = Math.min(nearest, (sumTo[a * k + c] as number) / (clusterSize[c] as number));
    }
    if (nearest === Infinity) continue; // only one non-empty cluster: silhouette undefined, count as 0
    const denominator = Math.max(intra, nearest);
    total += denominator > 0 ? (nearest - intra) / denominator : 0;
  }
  return { score: total / m, sampled, sampleCount: m };
}
