import { dotRow, insertBest, unitProbe, type EmbeddingIndex, type Neighbour } from "@/lib/features/embedding-index";

/**
 * The similar-query search as it was before the int8 first pass: one pass over the packed Float32 vectors
 * keeping a short sorted list of the best rows. Kept only as the benchmark's baseline for the speed-up ratio.
 */
export function float32ScanNeighbours(index: EmbeddingIndex, probe: readonly number[], k: number, excludeQueryIds: ReadonlySet<string> = new Set()): Neighbour[] {
  const { dim, size, vectors } = index;
  const q = unitProbe(index, probe);
  const keep = Math.min(size, k * 2 + 8);
  const bestRows = new Int32Array(keep).fill(-1);
  const bestScores = new Float64Array(keep).fill(-Infinity);
  let floor = -Infinity;
  for (let i = 0; i < size; i++) {
    const score = dotRow(vectors, i, q, dim);
    if (score > floor) floor = insertBest(bestRows, bestScores, i, score);
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
