/**
 * A packed, normalised copy of one embedding model's vectors for cosine search: row i of `vectors` is vector i
 * divided by its length, as Float32 (200K × 384 × 4 bytes ≈ 307 MB at the large size; README, "Similar
 * queries"), so cosine similarity is one dot product per row and a search is one pass over contiguous memory
 * keeping a short sorted list of the best rows.
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
};

export type IndexRow = { id: string; queryId: string; embedding: readonly number[] };

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
    for (const x of row.embedding) norm += x * x;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const offset = ids.length * dim;
    for (let j = 0; j < dim; j++) vectors[offset + j] = (row.embedding[j] as number) * scale;
    ids.push(row.id);
    queryIds.push(row.queryId);
  }
  return { model, dim, size: ids.length, vectors: vectors.subarray(0, ids.length * dim), ids, queryIds };
}

export type Neighbour = { row: number; similarity: number };

/**
 * The k rows most cosine-similar to `probe` (any length; it is normalised here), best first, ties by row
 * order. Rows of the queries in `excludeQueryIds` are skipped, and each query appears once (its best row).
 */
export function nearestNeighbours(index: EmbeddingIndex, probe: readonly number[], k: number, excludeQueryIds: ReadonlySet<string> = new Set()): Neighbour[] {
  const { dim, size, vectors } = index;
  if (probe.length !== dim) throw new RangeError(`The probe has ${probe.length} dimensions; model ${index.model} has ${dim}.`);
  let norm = 0;
  for (const x of probe) norm += x * x;
  const q = new Float32Array(dim);
  if (norm > 0) for (let j = 0; j < dim; j++) q[j] = (probe[j] as number) / Math.sqrt(norm);

  // Keep more candidates than k so that skipping a query's second vector still leaves k distinct queries.
  const keep = Math.min(size, k * 2 + 8);
  const bestRows = new Int32Array(keep).fill(-1);
  const bestScores = new Float64Array(keep).fill(-Infinity);
  let floor = -Infinity;
  for (let i = 0; i < size; i++) {
    const offset = i * dim;
    // Four accumulators let V8 overlap the multiply-adds (about 1.5× faster than one at 384 dimensions).
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
    const score = s0 + s1 + s2 + s3;
    if (score <= floor) continue;
    // Insertion into the sorted candidate list (k is small, so this beats a heap).
    let position = keep - 1;
    while (position > 0 && (bestScores[position - 1] as number) < score) {
      bestScores[position] = bestScores[position - 1] as number;
      bestRows[position] = bestRows[position - 1] as number;
      position--;
    }
    bestScores[position] = score;
    bestRows[position] = i;
    floor = bestScores[keep - 1] as number;
  }

  const seen = new Set(excludeQueryIds);
  const result: Neighbour[] = [];
  for (let c = 0; c < keep && result.length < k; c++) {
    const row = bestRows[c] as number;
    if (row < 0) break;
    const queryId = index.queryIds[row] as string;
    if (seen.has(queryId)) continue;
    seen.add(queryId);
    result.push({ row, similarity: bestScores[c] as number });
  }
  return result;
}
