import { quantiseQuery, quantiseRows, upperBound, type QuantisedVectors } from "./quantised-vectors";

/**
 * A packed, normalised copy of one embedding model's vectors for cosine search: row i of `vectors` is vector i
 * divided by its length, as Float32 (200K × 384 × 4 bytes ≈ 307 MB at the large size; README, "Similar
 * queries"), so cosine similarity is one dot product per row; plus an int8 copy of the same rows (77 MB) that a
 * search scans first (quantised-vectors.ts).
 *
 * Pure: built from (id, embedding) rows, knows nothing of the database; lib/features/similar-queries.ts keeps
 * it up to date.
 */
export type EmbeddingIndex = {
  model: string;
  dim: number;
  size: number;
  /** size × dim, row-major, each row of unit length (a zero vector stays zero and matches nothing). */
  vectors: Float32Array;
  /** The feature vector id of each row. */
  ids: string[];
  /** The query id of each row. */
  queryIds: string[];
  quantised: QuantisedVectors;
};

export type IndexRow = { id: string; queryId: string; embedding: ArrayLike<number> };

export function buildEmbeddingIndex(model: string, rows: Iterable<IndexRow>, expectedSize = 0): EmbeddingIndex {
  let dim = 0;
  let vectors = new Float32Array(0);
  const ids: string[] = [];
  const queryIds: string[] = [];
  for (const row of rows) {
    if (dim === 0) {
      dim = row.embedding.length;
      vectors = new Float32Array(Math.max(expectedSize, 1024) * dim);
    } else if (row.embedding.length !== dim) {
      throw new RangeError(`Embeddings of model ${model} have mixed dimensions (${dim} and ${row.embedding.length}).`);
    }
    if ((ids.length + 1) * dim > vectors.length) {
      const grown = new Float32Array(vectors.length * 2);
      grown.set(vectors);
      vectors = grown;
    }
    let norm = 0;
    const embedding = row.embedding;
    for (let j = 0; j < dim; j++) norm += (embedding[j] as number) * (embedding[j] as number);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const offset = ids.length * dim;
    for (let j = 0; j < dim; j++) vectors[offset + j] = (embedding[j] as number) * scale;
    ids.push(row.id);
    queryIds.push(row.queryId);
  }
  const packed = vectors.subarray(0, ids.length * dim);
  return { model, dim, size: ids.length, vectors: packed, ids, queryIds, quantised: quantiseRows(packed, ids.length, dim) };
}

export type Neighbour = { row: number; similarity: number };

/** Row `row` of `vectors` · q. Four accumulators let V8 overlap the multiply-adds (about 1.5× faster than one at 384 dimensions). */
export function dotRow(vectors: Float32Array, row: number, q: Float32Array, dim: number): number {
  const offset = row * dim;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dim; j += 4) {
    s0 += (vectors[offset + j] as number) * (q[j] as number);
    s1 += (vectors[offset + j + 1] as number) * (q[j + 1] as number);
    s2 += (vectors[offset + j + 2] as number) * (q[j + 2] as number);
    s3 += (vectors[offset + j + 3] as number) * (q[j + 3] as number);
  }
  for (; j < dim; j++) s0 += (vectors[offset + j] as number) * (q[j] as number);
  return s0 + s1 + s2 + s3;
}

/**
 * Puts (row, score) into a full best-first list, dropping its last entry; an equal score stays behind the rows
 * already there (ties by row order when rows come in order). A sorted insertion beats a heap for a short list.
 * Returns the list's new lowest score.
 */
export function insertBest(rows: Int32Array, scores: Float64Array, row: number, score: number): number {
  let position = rows.length - 1;
  while (position > 0 && (scores[position - 1] as number) < score) {
    scores[position] = scores[position - 1] as number;
    rows[position] = rows[position - 1] as number;
    position--;
  }
  scores[position] = score;
  rows[position] = row;
  return scores[rows.length - 1] as number;
}

/** The probe as a unit Float32 vector (a zero probe stays zero). */
export function unitProbe(index: EmbeddingIndex, probe: readonly number[]): Float32Array {
  if (probe.length !== index.dim) throw new RangeError(`The probe has ${probe.length} dimensions; model ${index.model} has ${index.dim}.`);
  let norm = 0;
  for (const x of probe) norm += x * x;
  const q = new Float32Array(index.dim);
  if (norm > 0) for (let j = 0; j < index.dim; j++) q[j] = (probe[j] as number) / Math.sqrt(norm);
  return q;
}

/** Best first, ties by row order; each query once (its best row), excluded queries skipped. */
function pick(index: EmbeddingIndex, scored: Neighbour[], k: number, excludeQueryIds: ReadonlySet<string>): Neighbour[] {
  scored.sort((a, b) => b.similarity - a.similarity || a.row - b.row);
  const seen = new Set(excludeQueryIds);
  const result: Neighbour[] = [];
  for (const candidate of scored) {
    if (result.length === k) break;
    const queryId = index.queryIds[candidate.row] as string;
    if (seen.has(queryId)) continue;
    seen.add(queryId);
    result.push(candidate);
  }
  return result;
}

/**
 * The k rows most cosine-similar to `probe` (any length; it is normalised here), best first, ties by row
 * order. Rows of the queries in `excludeQueryIds` are skipped, and each query appears once (its best row).
 *
 * Exactly the brute-force answer (same rows, same Float32 similarities), in two steps:
 *  1. the int8 copy gives every row an approximate score (WebAssembly SIMD, ~4 ms at 200K × 384); the best few
 *     dozen rows by it are scored exactly, which gives a threshold: the k-th best exact similarity among them;
 *  2. every other row whose proven upper bound (approximate score + its error bound) reaches the threshold is
 *     scored exactly too. A row left out is strictly below the threshold, and the final k-th similarity is at
 *     least the threshold, so no row left out could have been picked, not even on a tie.
 */
export function nearestNeighbours(index: EmbeddingIndex, probe: readonly number[], k: number, excludeQueryIds: ReadonlySet<string> = new Set()): Neighbour[] {
  const { dim, size, vectors, quantised } = index;
  const q = unitProbe(index, probe);
  if (size === 0 || k <= 0) return [];
  const query = quantiseQuery(q, quantised.kernel);
  const dots = quantised.kernel.run();
  const { scales } = quantised;

  // Step 1: a pool of the best rows by approximate score (the query's scale is common to all, so left out).
  const pool = Math.min(size, k * 4 + 32);
  const poolRows = new Int32Array(pool).fill(-1);
  const poolScores = new Float64Array(pool).fill(-Infinity);
  let floor = -Infinity;
  for (let i = 0; i < size; i++) {
    const score = (scales[i] as number) * (dots[i] as number);
    if (score > floor) floor = insertBest(poolRows, poolScores, i, score);
  }
  const inPool = new Uint8Array(size);
  const scored: Neighbour[] = [];
  for (const row of poolRows) {
    if (row < 0) continue;
    inPool[row] = 1;
    scored.push({ row, similarity: dotRow(vectors, row, q, dim) });
  }
  const found = pick(index, scored.slice(), k, excludeQueryIds);
  const threshold = found.length === k ? (found[k - 1] as Neighbour).similarity : -Infinity;

  // Step 2: every row that could still reach the threshold.
  for (let i = 0; i < size; i++) {
    if (inPool[i] === 0 && upperBound(quantised, query, dots, i) >= threshold) scored.push({ row: i, similarity: dotRow(vectors, i, q, dim) });
  }
  return pick(index, scored, k, excludeQueryIds);
}
