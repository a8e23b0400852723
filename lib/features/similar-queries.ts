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

type DetailRow = Omit<SimilarQuery, "features" | "similarity"> & { features: string | null; embedding: string; model: string | null };

const DETAIL_SQL = `
  SELECT q.id AS queryId, q.query_hash AS queryHash, q.timestamp, q.query_type AS queryType, q.profile_used AS profile,
    q.tool_calls AS toolCalls, q.result_quality_score AS quality, ${POSITIVE_LABEL_SQL} AS positiveLabel,
    (SELECT COUNT(*) FROM feedback f_all WHERE f_all.query_id = q.id) AS feedbackCount,
    fv.features, fv.feature_version AS featureVersion, fv.embedding, fv.embedding_model AS model
  FROM feature_vectors fv JOIN queries q ON q.id = fv.query_id
  LEFT JOIN feedback lf ON lf.id = ${LATEST_LABELLING_FEEDBACK_ID_SQL}`;

const toSimilar = (row: DetailRow, similarity: number): SimilarQuery => {
  const { embedding: _embedding, model: _model, features, ...rest } = row;
  return { ...rest, features: features ? (JSON.parse(features) as Record<string, unknown>) : {}, similarity };
};

/**
 * The k queries whose embeddings are most cosine-similar to the given query's, among vectors of the same
 * embedding model only (vectors of different models live in different spaces). The query is named by its id
 * or its hash (its latest query with a feature vector, of `model` when given).
 */
export function similarQueries(queryIdOrHash: string, k = 10, model?: string): SimilarQueries {
  const sqlite = bulkConnection();
  const probe = sqlite
    .prepare(
      `${DETAIL_SQL}
       WHERE (q.id = @key OR q.query_hash = @key) AND (@model IS NULL OR fv.embedding_model = @model)
       ORDER BY q.timestamp DESC, fv.computed_at DESC, fv.id DESC LIMIT 1`,
    )
    .get({ key: queryIdOrHash, model: model ?? null }) as DetailRow | undefined;
  if (!probe) return { ok: false, message: `No query with the id or hash "${queryIdOrHash}" has a feature vector${model ? ` of model ${model}` : ""}.` };
  if (!probe.model) return { ok: false, message: "That query's feature vector names no embedding model, so there is nothing to compare it with." };

  const index = cache().get(probe.model);
  const found = nearestNeighbours(index, JSON.parse(probe.embedding) as number[], k, new Set([probe.queryId]));
  const detail = sqlite.prepare(`${DETAIL_SQL} WHERE fv.id = ?`);
  const neighbours = found.map(({ row, similarity }) => toSimilar(detail.get(index.ids[row]) as DetailRow, similarity));
  return { ok: true, model: probe.model, probe: toSimilar(probe, 1), neighbours, searched: index.size };
}
