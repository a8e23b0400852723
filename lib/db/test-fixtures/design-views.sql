-- The design document's three view definitions, verbatim except for their names, so a test can prove that the
-- document's SQL is valid against our schema (every column it names exists under the same name).
CREATE VIEW doc_v_training_data_export AS
SELECT
    q.id as query_id,
    q.query_hash,
    q.query_type,
    q.query_length,
    q.query_token_count,
    q.latency_ms,
    q.tool_calls,
    q.result_quality_score,
    q.error_occurred,
    fv.embedding,
    fv.features,
    f.feedback_type,
    f.rating,
    CASE WHEN f.feedback_type = 'thumbs_up' THEN 1 ELSE 0 END as positive_label
FROM queries q
LEFT JOIN feature_vectors fv ON q.id = fv.query_id
LEFT JOIN feedback f ON q.id = f.query_id
WHERE q.timestamp > datetime('now', '-90 days')  -- Last 90 days
  AND fv.embedding IS NOT NULL;                   -- Only queries with embeddings

CREATE VIEW doc_v_model_performance AS
SELECT
    mtr.model_type,
    mtr.model_version,
    mtr.started_at,
    COUNT(mp.id) as prediction_count,
    SUM(CASE WHEN mp.is_correct = 1 THEN 1 ELSE 0 END) * 1.0 / COUNT(mp.id) as accuracy,
    AVG(mp.confidence) as avg_confidence,
    mtr.accuracy as training_accuracy,
    mtr.f1_score as training_f1
FROM model_training_runs mtr
LEFT JOIN model_predictions mp ON mtr.id = mp.model_run_id
GROUP BY mtr.id
ORDER BY mtr.started_at DESC;

CREATE VIEW doc_v_feature_importance AS
SELECT
    json_extract(fv.features, '$.query_length') as query_length,
    json_extract(fv.features, '$.tool_count') as tool_count,
    json_extract(fv.features, '$.profile') as profile,
    AVG(q.result_quality_score) as avg_quality,
    COUNT(*) as sample_count
FROM feature_vectors fv
JOIN queries q ON fv.query_id = q.id
WHERE fv.features IS NOT NULL
GROUP BY query_length, tool_count, profile
ORDER BY sample_count DESC;
