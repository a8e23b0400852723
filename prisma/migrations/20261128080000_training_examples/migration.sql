-- Training examples: the training-data export's rows, materialised and kept current by triggers.
--
-- An export row joins a feature vector to its query, the query's latest labelling feedback and its feedback
-- count, and keeps only the query's latest vector per embedding model. Worked out at export time that is ten
-- index probes per row, over half of a 10,000-row export's time; here it is worked out on each write of a
-- vector, a query or a feedback row, and the export reads one table in id order (lib/features/export-rows.ts).
-- The embedding itself stays in feature_vectors (only its byte length is copied).
--
-- v_training_example_source is the one definition of a row; every trigger recomputes the rows of the queries a
-- write touched from it (delete, then insert), so the table always equals the view: training-examples.test.ts
-- checks that after each of many random writes, and export-bytes.test.ts that the export equals one computed
-- from the raw tables (both in lib/features/).

CREATE VIEW v_training_example_source AS
SELECT
    s.feature_vector_id, s.query_id, s.query_hash, s.timestamp, s.query_type, s.query_length, s.query_token_count,
    s.latency_ms, s.tool_calls, s.result_quality_score, s.error_occurred, s.embedding_model, s.embedding_dim,
    s.feature_version, s.features, s.embedding_bytes, s.label_feedback_type, s.label_rating, s.feedback_count,
    CASE
        WHEN s.label_feedback_type = 'thumbs_up' OR s.label_rating >= 4 THEN 1
        WHEN s.label_feedback_type = 'thumbs_down' OR s.label_rating <= 3 THEN 0
    END AS positive_label,
    s.is_latest
FROM (
    SELECT
        fv.id AS feature_vector_id,
        q.id AS query_id,
        q.query_hash,
        q.timestamp,
        q.query_type,
        q.query_length,
        q.query_token_count,
        q.latency_ms,
        q.tool_calls,
        q.result_quality_score,
        q.error_occurred,
        fv.embedding_model,
        fv.embedding_dim,
        fv.feature_version,
        fv.features,
        length(CAST(fv.embedding AS BLOB)) AS embedding_bytes,
        -- The query's latest labelling feedback (a thumbs up or down, or a rated explicit one), newest by
        -- timestamp then id: the same rule as v_training_data_export.
        (SELECT f.feedback_type FROM feedback f
         WHERE f.query_id = q.id
           AND (f.feedback_type IN ('thumbs_up', 'thumbs_down') OR (f.feedback_type = 'explicit' AND f.rating IS NOT NULL))
         ORDER BY f.timestamp DESC, f.id DESC LIMIT 1) AS label_feedback_type,
        (SELECT f.rating FROM feedback f
         WHERE f.query_id = q.id
           AND (f.feedback_type IN ('thumbs_up', 'thumbs_down') OR (f.feedback_type = 'explicit' AND f.rating IS NOT NULL))
         ORDER BY f.timestamp DESC, f.id DESC LIMIT 1) AS label_rating,
        (SELECT COUNT(*) FROM feedback f WHERE f.query_id = q.id) AS feedback_count,
        -- One row per query and embedding model: no newer vector (later computed_at, then greater id). The row
        -- value comparison is one seek in idx_feature_vectors_latest, whatever the number of vectors.
        NOT EXISTS (
            SELECT 1 FROM feature_vectors newer
            WHERE newer.query_id = fv.query_id AND newer.embedding_model IS fv.embedding_model
              AND (newer.computed_at, newer.id) > (fv.computed_at, fv.id)
        ) AS is_latest
    FROM feature_vectors fv
    JOIN queries q ON q.id = fv.query_id
) s;

CREATE TABLE training_examples (
    feature_vector_id TEXT PRIMARY KEY NOT NULL REFERENCES feature_vectors(id) ON DELETE CASCADE,
    query_id TEXT NOT NULL REFERENCES queries(id) ON DELETE CASCADE,
    query_hash TEXT NOT NULL
        CHECK (length(query_hash) = 64 AND query_hash NOT GLOB '*[^0-9a-f]*'),
    timestamp TEXT NOT NULL
        CHECK (timestamp IS strftime('%Y-%m-%dT%H:%M:%fZ', timestamp)),
    query_type TEXT CHECK (query_type IN ('search', 'reason', 'code', 'general')),
    query_length INTEGER NOT NULL CHECK (query_length >= 0),
    query_token_count INTEGER CHECK (query_token_count >= 0),
    latency_ms INTEGER NOT NULL CHECK (latency_ms >= 0),
    tool_calls INTEGER NOT NULL CHECK (tool_calls >= 0),
    result_quality_score REAL CHECK (result_quality_score BETWEEN 0 AND 1),
    error_occurred INTEGER NOT NULL CHECK (error_occurred IN (0, 1)),
    embedding_model TEXT,
    embedding_dim INTEGER CHECK (embedding_dim > 0),
    feature_version TEXT,
    features TEXT,
    embedding_bytes INTEGER NOT NULL CHECK (embedding_bytes >= 0),
    label_feedback_type TEXT CHECK (label_feedback_type IN ('thumbs_up', 'thumbs_down', 'explicit')),
    label_rating INTEGER CHECK (label_rating BETWEEN 1 AND 5),
    feedback_count INTEGER NOT NULL CHECK (feedback_count >= 0),
    positive_label INTEGER CHECK (positive_label IN (0, 1)),
    is_latest INTEGER NOT NULL CHECK (is_latest IN (0, 1))
);
CREATE INDEX idx_training_examples_query ON training_examples(query_id, embedding_model, is_latest);
CREATE INDEX idx_training_examples_timestamp ON training_examples(timestamp);

INSERT INTO training_examples SELECT * FROM v_training_example_source;

-- Each write recomputes the examples it changes. A vector's insert or delete touches its own row and at most
-- one other (the latest of its query and model), so writing n vectors of one query costs n, not n²; feedback
-- and query changes recompute the rows of the query they touch (a NULL or unchanged query id matches nothing
-- more in their IN lists).

CREATE TRIGGER trg_training_examples_vector_insert AFTER INSERT ON feature_vectors
BEGIN
    INSERT INTO training_examples SELECT * FROM v_training_example_source WHERE feature_vector_id = NEW.id;
    -- The vector it supersedes, if older, is the latest no more.
    UPDATE training_examples SET is_latest = 0
    WHERE query_id = NEW.query_id AND embedding_model IS NEW.embedding_model AND is_latest = 1 AND feature_vector_id <> NEW.id
      AND (SELECT (fv.computed_at, fv.id) < (NEW.computed_at, NEW.id) FROM feature_vectors fv WHERE fv.id = training_examples.feature_vector_id);
END;

CREATE TRIGGER trg_training_examples_vector_update AFTER UPDATE ON feature_vectors
BEGIN
    DELETE FROM training_examples WHERE feature_vector_id IN (OLD.id, NEW.id);
    INSERT INTO training_examples SELECT * FROM v_training_example_source WHERE feature_vector_id = NEW.id;
    -- The groups it left and joined: only their newest vector is the latest.
    UPDATE training_examples SET is_latest = 0
    WHERE (query_id = OLD.query_id AND embedding_model IS OLD.embedding_model) OR (query_id = NEW.query_id AND embedding_model IS NEW.embedding_model);
    UPDATE training_examples SET is_latest = 1
    WHERE feature_vector_id IN (
        (SELECT id FROM feature_vectors WHERE query_id = OLD.query_id AND embedding_model IS OLD.embedding_model ORDER BY computed_at DESC, id DESC LIMIT 1),
        (SELECT id FROM feature_vectors WHERE query_id = NEW.query_id AND embedding_model IS NEW.embedding_model ORDER BY computed_at DESC, id DESC LIMIT 1)
    );
END;

CREATE TRIGGER trg_training_examples_vector_delete AFTER DELETE ON feature_vectors
BEGIN
    -- (The foreign key's cascade deletes the row too, when foreign keys are on.)
    DELETE FROM training_examples WHERE feature_vector_id = OLD.id;
    -- The newest vector left of its query and model is the latest.
    UPDATE training_examples SET is_latest = 1
    WHERE feature_vector_id = (SELECT id FROM feature_vectors WHERE query_id = OLD.query_id AND embedding_model IS OLD.embedding_model ORDER BY computed_at DESC, id DESC LIMIT 1)
      AND is_latest = 0;
END;

CREATE TRIGGER trg_training_examples_feedback_insert AFTER INSERT ON feedback WHEN NEW.query_id IS NOT NULL
BEGIN
    DELETE FROM training_examples WHERE query_id = NEW.query_id;
    INSERT INTO training_examples SELECT * FROM v_training_example_source WHERE query_id = NEW.query_id;
END;

CREATE TRIGGER trg_training_examples_feedback_update AFTER UPDATE ON feedback
BEGIN
    DELETE FROM training_examples WHERE query_id IN (OLD.query_id, NEW.query_id);
    INSERT INTO training_examples SELECT * FROM v_training_example_source WHERE query_id IN (OLD.query_id, NEW.query_id);
END;

CREATE TRIGGER trg_training_examples_feedback_delete AFTER DELETE ON feedback WHEN OLD.query_id IS NOT NULL
BEGIN
    DELETE FROM training_examples WHERE query_id = OLD.query_id;
    INSERT INTO training_examples SELECT * FROM v_training_example_source WHERE query_id = OLD.query_id;
END;

CREATE TRIGGER trg_training_examples_query_update AFTER UPDATE ON queries
BEGIN
    DELETE FROM training_examples WHERE query_id IN (OLD.id, NEW.id);
    INSERT INTO training_examples SELECT * FROM v_training_example_source WHERE query_id IN (OLD.id, NEW.id);
END;
