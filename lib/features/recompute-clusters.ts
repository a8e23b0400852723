import "server-only";
import { bulkConnection } from "./bulk-connection";
import { computeQueryClusters } from "./query-clusters";

export const RECOMPUTE_MAX_SAMPLES = 5_000;

/**
 * Recomputes k-means for the embedding model with the most vectors and stores a new query_clusters row, in one
 * transaction (the read of the vectors and the insert see one state of the table). Up to RECOMPUTE_MAX_SAMPLES
 * vectors (a seeded sample above) keep a request to a few seconds.
 */
export function recomputeClusters(k: number): { ok: true; id: number } | { ok: false; message: string } {
  const sqlite = bulkConnection();
  return sqlite.transaction(() => {
    const model = sqlite
      .prepare("SELECT embedding_model FROM feature_vectors WHERE embedding_model IS NOT NULL GROUP BY embedding_model ORDER BY COUNT(*) DESC, embedding_model LIMIT 1")
      .pluck()
      .get() as string | undefined;
    if (!model) return { ok: false as const, message: "There are no feature vectors to cluster yet." };
    const saved = computeQueryClusters(sqlite, { k, embeddingModel: model, seed: `recompute/${k}`, maxSamples: RECOMPUTE_MAX_SAMPLES, restarts: 2 });
    if (!saved) return { ok: false as const, message: `There are fewer vectors of ${model} than ${k} clusters.` };
    return { ok: true as const, id: saved.id };
  }).immediate();
}
