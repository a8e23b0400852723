import type { Rng } from "@/lib/random";
import { asFloat64, type Matrix, squaredDistance } from "./matrix";

/**
 * k-means clustering with greedy k-means++ seeding (Arthur and Vassilvitskii 2007) and Lloyd iterations. Plain
 * TypeScript on flat typed arrays (lib/features/matrix.ts). All randomness comes from the seeded Rng passed in, so
 * results are reproducible.
 */

export type KMeansOptions = {
  rng: Rng;
  /** Stop after this many Lloyd iterations even if assignments still change (default 100). */
  maxIterations?: number;
  /** Also stop when no centroid moves more than this (Euclidean, default 1e-6). */
  tolerance?: number;
  /** Independent k-means++ starts; the lowest-inertia result wins (default 1). */
  restarts?: number;
};

export type KMeansResult = {
  k: number;
  dim: number;
  /** k × dim, row-major. */
  centroids: Float64Array;
  /** Cluster index of each row. */
  assignments: Int32Array;
  sizes: number[];
  /** Sum of squared distances of each row to its centroid. */
  inertia: number;
  iterations: number;
  converged: boolean;
};

/** Index of the centroid nearest row i; its squared distance is written to distances[i]. */
function nearestCentroid(data: Float64Array, i: number, centroids: Float64Array, k: number, dim: number, distances: Float64Array): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < k; c++) {
    const d = squaredDistance(data, i * dim, centroids, c * dim, dim);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  distances[i] = bestDistance;
  return best;
}

/**
 * Greedy k-means++ (as scikit-learn implements it): the first centre uniformly; then, for each next centre,
 * 2 + ⌊ln k⌋ candidates drawn with probability proportional to D(x)², keeping the candidate that lowers the total
 * potential Σ D(x)² the most. Plain k-means++ (one candidate) too often puts two centres in one true cluster.
 */
function seedCentroids(data: Float64Array, n: number, dim: number, k: number, rng: Rng): Float64Array {
  const centroids = new Float64Array(k * dim);
  const first = rng.int(0, n - 1);
  centroids.set(data.subarray(first * dim, first * dim + dim));
  let nearest = new Float64Array(n);
  for (let i = 0; i < n; i++) nearest[i] = squaredDistance(data, i * dim, centroids, 0, dim);
  const trials = 2 + Math.floor(Math.log(k));
  let candidateNearest = new Float64Array(n);
  let bestNearest = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i] as number;
    let bestPotential = Infinity;
    let bestRow = 0;
    for (let trial = 0; trial < trials; trial++) {
      let row = rng.int(0, n - 1); // every point coincides with a centre already: any row will do
      if (total > 0) {
        let target = rng.next() * total;
        row = n - 1;
        for (let i = 0; i < n; i++) {
          target -= nearest[i] as number;
          if (target < 0) {
            row = i;
            break;
          }
        }
      }
      let potential = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.min(nearest[i] as number, squaredDistance(data, i * dim, data, row * dim, dim));
        candidateNearest[i] = d;
        potential += d;
      }
      if (potential < bestPotential) {
        bestPotential = potential;
        bestRow = row;
        [bestNearest, candidateNearest] = [candidateNearest, bestNearest];
      }
    }
    centroids.set(data.subarray(bestRow * dim, bestRow * dim + dim), c * dim);
    [nearest, bestNearest] = [bestNearest, nearest];
  }
  return centroids;
}

/**
 * Clusters the rows into k groups. With `restarts` > 1, runs k-means++ and Lloyd that many times (each from the
 * same Rng stream, one after another) and keeps the run with the lowest inertia, as scikit-learn's n_init does:
 * one k-means++ start can still put two centres in one true cluster and settle in a local optimum.
 */
export function kmeans(matrix: Matrix, k: number, options: KMeansOptions): KMeansResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (matrix.rows < k) throw new RangeError(`k-means needs at least k = ${k} rows, got ${matrix.rows}`);
  const data = asFloat64(matrix.data);
  let best: KMeansResult | null = null;
  for (let r = 0; r < Math.max(1, options.restarts ?? 1); r++) {
    const result = lloyd(data, matrix.rows, matrix.dim, k, options);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best as KMeansResult;
}

function lloyd(data: Float64Array, n: number, dim: number, k: number, options: KMeansOptions): KMeansResult {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;

  const centroids = seedCentroids(data, n, dim, k, options.rng);
  const assignments = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n);
  const sums = new Float64Array(k * dim);
  const sizes = new Int32Array(k);
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    iterations++;
    // Assignment step.
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const best = nearestCentroid(data, i, centroids, k, dim, distances);
      if (assignments[i] !== best) changed++;
      assignments[i] = best;
    }
    // Update step: each centroid moves to the mean of its rows.
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      for (let j = 0; j < dim; j++) sums[c * dim + j] = (sums[c * dim + j] as number) + (data[i * dim + j] as number);
    }
    let maxShift = 0;
    for (let c = 0; c < k; c++) {
      const size = sizes[c] as number;
      if (size === 0) {
        // An empty cluster takes over the row farthest from its centroid (deterministic; keeps k clusters).
        let far = 0;
        for (let i = 1; i < n; i++) if ((distances[i] as number) > (distances[far] as number)) far = i;
        distances[far] = 0;
        centroids.set(data.subarray(far * dim, far * dim + dim), c * dim);
        maxShift = Infinity;
        continue;
      }
      let shift = 0;
      for (let j = 0; j < dim; j++) {
        const mean = (sums[c * dim + j] as number) / size;
        const diff = mean - (centroids[c * dim + j] as number);
        shift += diff * diff;
        centroids[c * dim + j] = mean;
      }
      maxShift = Math.max(maxShift, Math.sqrt(shift));
    }
    if (changed === 0 || maxShift <= tolerance) {
      converged = true;
      break;
    }
  }

  // Final assignment against the final centroids, so assignments, sizes and inertia agree with them.
  let inertia = 0;
  const finalSizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const best = nearestCentroid(data, i, centroids, k, dim, distances);
    assignments[i] = best;
    finalSizes[best] = (finalSizes[best] as number) + 1;
    inertia += distances[i] as number;
  }
  return { k, dim, centroids, assignments, sizes: finalSizes, inertia, iterations, converged };
}

/** For each cluster, the row nearest its centroid (-1 for an empty cluster). */
export function nearestRowToEachCentroid(matrix: Matrix, result: KMeansResult): number[] {
  const { rows: n, dim } = matrix;
  const data = asFloat64(matrix.data);
  const best = new Array<number>(result.k).fill(-1);
  const bestDistance = new Array<number>(result.k).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const c = result.assignments[i] as number;
    const d = squaredDistance(data, i * dim, result.centroids, c * dim, dim);
    if (d < (bestDistance[c] as number)) {
      bestDistance[c] = d;
      best[c] = i;
    }
  }
  return best;
}
