-- Covering indexes for the training-data export (lib/features/export-rows.ts). A feature vector's
-- embedding_model, feature_version and computed_at are stored after its embedding (~3.5 KB of JSON at 384
-- dimensions), so every filter or "is this the latest vector" check on the table itself walks the embedding's
-- overflow pages; these indexes answer them without touching the row.

-- The export's page scan in id order, with the columns its filters read.
CREATE INDEX idx_feature_vectors_export ON feature_vectors(id, query_id, embedding_model, feature_version, computed_at);
-- "No newer vector of the same query and model" (LATEST_VECTOR_OF_QUERY_SQL) from the index alone.
CREATE INDEX idx_feature_vectors_latest ON feature_vectors(query_id, embedding_model, computed_at, id);
-- A query's latest labelling feedback (LATEST_LABELLING_FEEDBACK_ID_SQL) in index order, without a sort per row.
CREATE INDEX idx_feedback_query_latest ON feedback(query_id, timestamp, id, feedback_type, rating);
