/**
 * How a query's training label is decided, shared by the importance ranking, similar queries and clusters (and
 * the same rule as the views v_training_data_export and v_training_example_source, whose materialisation the
 * export reads; training-examples.test.ts keeps them equal): the query's latest labelling feedback decides, newest by timestamp then
 * id. Labelling feedback is a thumbs up or down, or an explicit rating; thumbs up or a rating of 4–5 is
 * positive (1), thumbs down or a rating of 1–3 negative (0). A query without any is unlabelled (NULL).
 *
 * The subquery uses idx_feedback_query, so it costs one index probe per exported row.
 */
export const LATEST_LABELLING_FEEDBACK_ID_SQL = `(
  SELECT f.id FROM feedback f
  WHERE f.query_id = q.id
    AND (f.feedback_type IN ('thumbs_up', 'thumbs_down') OR (f.feedback_type = 'explicit' AND f.rating IS NOT NULL))
  ORDER BY f.timestamp DESC, f.id DESC
  LIMIT 1
)`;

/** The label from the joined latest labelling feedback `lf`. */
export const POSITIVE_LABEL_SQL = `CASE
  WHEN lf.feedback_type = 'thumbs_up' OR lf.rating >= 4 THEN 1
  WHEN lf.feedback_type = 'thumbs_down' OR lf.rating <= 3 THEN 0
END`;

/**
 * One row per query and embedding model: a query whose vector was recomputed keeps only its latest vector
 * (latest computed_at, then the greater id), so a training set never counts one query twice.
 * The unary + keeps SQLite from probing idx_feature_vectors_model here (a scan of the whole model per row);
 * idx_feature_vectors_query finds the query's few vectors instead.
 */
export const LATEST_VECTOR_OF_QUERY_SQL = `NOT EXISTS (
  SELECT 1 FROM feature_vectors newer
  WHERE newer.query_id = fv.query_id AND +newer.embedding_model IS fv.embedding_model
    AND (newer.computed_at > fv.computed_at OR (newer.computed_at = fv.computed_at AND newer.id > fv.id))
)`;
