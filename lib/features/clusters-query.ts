import "server-only";
import { cache } from "react";
import { bulkConnection } from "./bulk-connection";
import { qualityByGroup, type QualityGroup } from "./importance";
import { LATEST_LABELLING_FEEDBACK_ID_SQL, POSITIVE_LABEL_SQL } from "./labelling";
import { squaredDistance } from "./matrix";
import { projectTo2d } from "./projection";

export const PROJECTION_SAMPLE = 1_500;

export type ClusterSummary = { index: number; size: number; representativeHash: string; stats: QualityGroup | null };

export type LatestClustering = {
  id: number;
  computedAt: string;
  clusterCount: number;
  silhouetteScore: number | null;
  embeddingModel: string | null;
  sampleCount: number;
  clusters: ClusterSummary[];
  /** A sample of the model's vectors on their first two principal components, each with its nearest centroid. */
  points: { x: number; y: number; cluster: number }[];
};

type ClusterRow = {
  id: number;
  computed_at: string;
  cluster_count: number;
  silhouette_score: number | null;
  centroids: string;
  cluster_sizes: string;
  representative_hashes: string;
  embedding_model: string | null;
  sample_count: number;
};

/**
 * The latest query_clusters row, with quality and feedback per cluster and a 2-D projection, both on a fixed
 * sample of the model's vectors (the first PROJECTION_SAMPLE by id, a uuid, so spread over time) assigned to
 * their nearest stored centroid. Null when nothing was ever clustered.
 */
export const latestClustering = cache((): LatestClustering | null => {
  const sqlite = bulkConnection();
  const row = sqlite.prepare("SELECT * FROM query_clusters ORDER BY computed_at DESC, id DESC LIMIT 1").get() as ClusterRow | undefined;
  if (!row) return null;
  const centroids = JSON.parse(row.centroids) as number[][];
  const sizes = JSON.parse(row.cluster_sizes) as number[];
  const hashes = JSON.parse(row.representative_hashes) as string[];
  const dim = centroids[0]?.length ?? 0;
  const flatCentroids = Float64Array.from(centroids.flat());

  const sample = sqlite
    .prepare(
      `WITH s AS MATERIALIZED (
         SELECT fv.embedding, q.result_quality_score AS quality, ${LATEST_LABELLING_FEEDBACK_ID_SQL} AS label_id
         FROM feature_vectors fv JOIN queries q ON q.id = fv.query_id
         WHERE fv.embedding_model IS @model AND fv.embedding_dim = @dim
         ORDER BY fv.id LIMIT @limit
       )
       SELECT s.embedding, s.quality, ${POSITIVE_LABEL_SQL} AS label FROM s LEFT JOIN feedback lf ON lf.id = s.label_id`,
    )
    .all({ model: row.embedding_model, dim, limit: PROJECTION_SAMPLE }) as { embedding: string; quality: number | null; label: 0 | 1 | null }[];
  const data = new Float64Array(sample.length * dim);
  sample.forEach((s, i) => data.set(JSON.parse(s.embedding) as number[], i * dim));
  const assignments = sample.map((_, i) => {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < centroids.length; c++) {
      const d = squaredDistance(data, i * dim, flatCentroids, c * dim, dim);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  });
  const stats = qualityByGroup(
    sample.map((s, i) => ({ features: { cluster: assignments[i] }, quality: s.quality, label: s.label })),
    (r) => String(r.features.cluster),
  );
  const points = projectTo2d({ data, rows: sample.length, dim }, 40).map((p, i) => ({ x: p.x, y: p.y, cluster: assignments[i]! }));
  return {
    id: row.id,
    computedAt: row.computed_at,
    clusterCount: row.cluster_count,
    silhouetteScore: row.silhouette_score,
    embeddingModel: row.embedding_model,
    sampleCount: row.sample_count,
    clusters: sizes.map((size, index) => ({
      index,
      size,
      representativeHash: hashes[index] ?? "",
      stats: stats.find((g) => g.group === String(index)) ?? null,
    })),
    points,
  };
});
