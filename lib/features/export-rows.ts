import type Database from "better-sqlite3";
import { LATEST_LABELLING_FEEDBACK_ID_SQL, LATEST_VECTOR_OF_QUERY_SQL, POSITIVE_LABEL_SQL } from "./labelling";

/** The resolved filters of an export: `since` is an instant, so a saved snapshot re-exports the same window. */
export type ExportFilters = {
  since: string;
  model: string | null;
  featureVersion: string | null;
  labelledOnly: boolean;
};

/** One training example. `embedding` and `features` are the stored JSON text, passed through unparsed. */
export type ExportRow = {
  query_id: string;
  query_hash: string;
  timestamp: string;
  query_type: string;
  query_length: number;
  query_token_count: number | null;
  latency_ms: number;
  tool_calls: number;
  result_quality_score: number | null;
  error_occurred: number;
  feature_vector_id: string;
  embedding_model: string | null;
  embedding_dim: number | null;
  feature_version: string | null;
  features: string | null;
  embedding: string;
  label_feedback_type: string | null;
  label_rating: number | null;
  feedback_count: number;
  positive_label: number | null;
};

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  "query_id", "query_hash", "timestamp", "query_type", "query_length", "query_token_count", "latency_ms", "tool_calls",
  "result_quality_score", "error_occurred", "feature_vector_id", "embedding_model", "embedding_dim", "feature_version",
  "features", "embedding", "label_feedback_type", "label_rating", "feedback_count", "positive_label",
];

export const EXPORT_BATCH_SIZE = 2_000;

/**
 * The rows of an export in a fixed order (feature vector id), read in batches by keyset pagination on that
 * primary key: each batch is one indexed range read, so memory holds one batch whatever the export's size,
 * and the order does not depend on insertion order or the query plan (snapshots hash the content).
 * One row per query and embedding model (labelling.ts); its label is the query's latest labelling feedback.
 */
export function* exportRowBatches(sqlite: Database.Database, filters: ExportFilters, batchSize = EXPORT_BATCH_SIZE): Generator<ExportRow[]> {
  // The latest labelling feedback's id is taken per row inside a materialised CTE and joined afterwards: as a
  // join condition, SQLite would run the correlated subquery once per feedback row instead of once per vector.
  const statement = sqlite.prepare(`
    WITH page AS MATERIALIZED (
      SELECT fv.id AS feature_vector_id, fv.query_id, ${LATEST_LABELLING_FEEDBACK_ID_SQL} AS label_id
      FROM feature_vectors fv
      JOIN queries q ON q.id = fv.query_id
      WHERE fv.id > @after
        AND q.timestamp >= @since
        AND (@model IS NULL OR fv.embedding_model = @model)
        AND (@featureVersion IS NULL OR fv.feature_version = @featureVersion)
        AND ${LATEST_VECTOR_OF_QUERY_SQL}
        AND (@labelledOnly = 0 OR ${LATEST_LABELLING_FEEDBACK_ID_SQL} IS NOT NULL)
      ORDER BY fv.id
      LIMIT @limit
    )
    SELECT q.id AS query_id, q.query_hash, q.timestamp, q.query_type, q.query_length, q.query_token_count, q.latency_ms,
      q.tool_calls, q.result_quality_score, q.error_occurred, fv.id AS feature_vector_id, fv.embedding_model,
      fv.embedding_dim, fv.feature_version, fv.features, fv.embedding,
      lf.feedback_type AS label_feedback_type, lf.rating AS label_rating,
      (SELECT COUNT(*) FROM feedback f_all WHERE f_all.query_id = q.id) AS feedback_count,
      ${POSITIVE_LABEL_SQL} AS positive_label
    FROM page
    JOIN feature_vectors fv ON fv.id = page.feature_vector_id
    JOIN queries q ON q.id = page.query_id
    LEFT JOIN feedback lf ON lf.id = page.label_id
    ORDER BY fv.id`);
  let after = "";
  for (;;) {
    const rows = statement.all({
      after,
      since: filters.since,
      model: filters.model,
      featureVersion: filters.featureVersion,
      labelledOnly: filters.labelledOnly ? 1 : 0,
      limit: batchSize,
    }) as ExportRow[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.feature_vector_id;
  }
}
