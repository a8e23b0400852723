import "server-only";
import { bulkConnection } from "./bulk-connection";
import { nearestNeighbours } from "./embedding-index";
import { EmbeddingIndexCache } from "./embedding-index-cache";
import { LATEST_LABELLING_FEEDBACK_ID_SQL, POSITIVE_LABEL_SQL } from "./labelling";

const globalForIndex = globalThis as unknown as { rallEmbeddingIndexCache?: EmbeddingIndexCache };
const cache = () => (globalForIndex.rallEmbeddingIndexCache ??= new EmbeddingIndexCache(bulkConnection()));

export type SimilarQuery = {
  queryId: string;
  queryHash: string;
  timestamp: string;
  queryType: string;
  profile: string | null;
  toolCalls: number;
  quality: number | null;
  positiveLabel: number | null;
  feedbackCount: number;
  features: Record<string, unknown>;
  featureVersion: string | null;
  similarity: number;
};

export type SimilarQueries =
  | { ok: true; model: string; probe: SimilarQuery; neighbours: SimilarQuery[]; searched: number }
  | { ok: false; message: string };

type DetailRow = Omit<SimilarQuery, "features" | "similarity"> & {
  features: string | null;
  embedding: string;
  model: string | null;
  vectorId: string;
  computedAt: string;
  labelId: string | null;
};

// The label's feedback id is read by a scalar subquery per row (see export-rows.ts for why not as a join condition).
const DETAIL_SQL = `
  SELECT d.*, ${POSITIVE_LABEL_SQL} AS positiveLabel
  FROM (
    SELECT q.id AS queryId, q.query_hash AS queryHash, q.timestamp, q.query_type AS queryType, q.profile_used AS profile,
      q.tool_calls AS toolCalls, q.result_quality_score AS quality,
      (SELECT COUNT(*) FROM feedback f_all WHERE f_all.query_id = q.id) AS feedbackCount,
      fv.features, fv.feature_version AS featureVersion, fv.embedding, fv.embedding_model AS model, fv.id AS vectorId,
      fv.computed_at AS computedAt, ${LATEST_LABELLING_FEEDBACK_ID_SQL} AS labelId
    FROM feature_vectors fv JOIN queries q ON q.id = fv.query_id
    WHERE %WHERE%
    ORDER BY q.timestamp DESC, fv.computed_at DESC, fv.id DESC
    LIMIT 1
  ) d
  LEFT JOIN feedback lf ON lf.id = d.labelId`;

const toSimilar = (row: DetailRow, similarity: number): SimilarQuery => {
  return {
    queryId: row.queryId,
    queryHash: row.queryHash,
    timestamp: row.timestamp,
    queryType: row.queryType,
    profile: row.profile,
    toolCalls: row.toolCalls,
    quality: row.quality,
    positiveLabel: row.positiveLabel,
    feedbackCount: row.feedbackCount,
    features: row.features ? (JSON.parse(row.features) as Record<string, unknown>) : {},
    featureVersion: row.featureVersion,
    similarity,
  };
};

/**
 * The k queries whose embeddings are most cosine-similar to the given query's, among vectors of the same
 * embedding model only (vectors of different models live in different spaces). The query is named by its id
 * or its hash (its latest query with a feature vector, of `model` when given).
 */
export function similarQueries(queryIdOrHash: string, k = 10, model?: string): SimilarQueries {
  const sqlite = bulkConnection();
  const probe = sqlite
    .prepare(DETAIL_SQL.replace("%WHERE%", "(q.id = @key OR q.query_hash = @key) AND (@model IS NULL OR fv.embedding_model = @model)"))
    .get({ key: queryIdOrHash, model: model ?? null }) as DetailRow | undefined;
  if (!probe) return { ok: false, message: `No query with the id or hash "${queryIdOrHash}" has a feature vector${model ? ` of model ${model}` : ""}.` };
  if (!probe.model) return { ok: false, message: "That query's feature vector names no embedding model, so there is nothing to compare it with." };

  const index = cache().get(probe.model);
  const found = nearestNeighbours(index, JSON.parse(probe.embedding) as number[], k, new Set([probe.queryId]));
  const detail = sqlite.prepare(DETAIL_SQL.replace("%WHERE%", "fv.id = ?"));
  const neighbours = found.map(({ row, similarity }) => toSimilar(detail.get(index.ids[row]) as DetailRow, similarity));
  return { ok: true, model: probe.model, probe: toSimilar(probe, 1), neighbours, searched: index.size };
}
