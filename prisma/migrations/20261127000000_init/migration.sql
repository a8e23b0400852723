-- RALL schema, version 1 telemetry + the Task 47 ML tables and views.
--
-- Conventions (enforced below, relied on everywhere):
--   * Timestamps are ISO 8601 UTC text with milliseconds, exactly 'YYYY-MM-DDTHH:MM:SS.SSSZ' (what JavaScript's
--     Date#toISOString() and SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', ...) produce). A CHECK on every timestamp
--     column rejects any other spelling, so text comparison is time comparison, and every window in a view
--     compares against strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ...) rather than datetime('now', ...), whose
--     'YYYY-MM-DD HH:MM:SS' sorts wrongly against ISO text (v1 defect 7).
--   * Ids are UUID text; booleans are INTEGER 0/1; JSON columns are json_valid with the expected shape.
--   * Hashes (query_hash, subject_id, ip_hash, context_hash) are lower-case hex HMAC-SHA-256 digests: 64 chars.
--   * Every foreign key has an explicit ON DELETE rule. Subject data (sessions and all that hangs off them)
--     cascades, so erasing a person's sessions erases their queries, feedback, traces, vectors and predictions.
--     Model runs are RESTRICT: a run that has predictions or A/B tests cannot silently disappear.
--   * Every foreign-key column, timestamp column and model_version has an index.

-- ---------------------------------------------------------------------------------------------------------
-- v1 telemetry tables
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY CHECK (version >= 1),
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CHECK (applied_at IS strftime('%Y-%m-%dT%H:%M:%fZ', applied_at)),
    description TEXT
);
CREATE INDEX idx_schema_version_applied ON schema_version(applied_at);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    -- Added: HMAC of the person's identifier, so consent checks and erasure can find one person's data.
    subject_id TEXT NOT NULL
        CHECK (length(subject_id) = 64 AND subject_id NOT GLOB '*[^0-9a-f]*'),
    started_at TEXT NOT NULL
        CHECK (started_at IS strftime('%Y-%m-%dT%H:%M:%fZ', started_at)),
    ended_at TEXT
        CHECK (ended_at IS strftime('%Y-%m-%dT%H:%M:%fZ', ended_at)),
    duration_ms INTEGER CHECK (duration_ms >= 0),
    tool_count INTEGER NOT NULL DEFAULT 0 CHECK (tool_count >= 0),
    query_count INTEGER NOT NULL DEFAULT 0 CHECK (query_count >= 0),
    feedback_count INTEGER NOT NULL DEFAULT 0 CHECK (feedback_count >= 0),
    profile TEXT
        CHECK (profile IN ('quick', 'balanced', 'deep', 'paranoid', 'decide', 'scientific', 'powercombo')),
    success_rate REAL CHECK (success_rate BETWEEN 0 AND 1),
    client_version TEXT,
    os_family TEXT,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX idx_sessions_subject ON sessions(subject_id);
CREATE INDEX idx_sessions_started ON sessions(started_at);
CREATE INDEX idx_sessions_ended ON sessions(ended_at);

CREATE TABLE queries (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    timestamp TEXT NOT NULL
        CHECK (timestamp IS strftime('%Y-%m-%dT%H:%M:%fZ', timestamp)),
    -- HMAC-SHA-256 of the normalised query text under a key kept outside the database; raw text is never stored.
    query_hash TEXT NOT NULL
        CHECK (length(query_hash) = 64 AND query_hash NOT GLOB '*[^0-9a-f]*'),
    query_length INTEGER NOT NULL CHECK (query_length >= 0),
    query_token_count INTEGER CHECK (query_token_count >= 0),
    query_type TEXT CHECK (query_type IN ('search', 'reason', 'code', 'general')),
    latency_ms INTEGER NOT NULL CHECK (latency_ms >= 0),
    tool_calls INTEGER NOT NULL DEFAULT 0 CHECK (tool_calls >= 0),
    retrieval_count INTEGER NOT NULL DEFAULT 0 CHECK (retrieval_count >= 0),
    result_count INTEGER CHECK (result_count >= 0),
    result_quality_score REAL CHECK (result_quality_score BETWEEN 0 AND 1),
    error_occurred INTEGER NOT NULL DEFAULT 0 CHECK (error_occurred IN (0, 1)),
    error_category TEXT,
    profile_used TEXT
        CHECK (profile_used IN ('quick', 'balanced', 'deep', 'paranoid', 'decide', 'scientific', 'powercombo')),
    tools_used TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(tools_used) AND json_type(tools_used) = 'array')
);
CREATE INDEX idx_queries_session ON queries(session_id);
CREATE INDEX idx_queries_timestamp ON queries(timestamp);
CREATE INDEX idx_queries_type ON queries(query_type);
CREATE INDEX idx_queries_hash ON queries(query_hash);

CREATE TABLE feedback (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    query_id TEXT REFERENCES queries(id) ON DELETE CASCADE,
    timestamp TEXT NOT NULL
        CHECK (timestamp IS strftime('%Y-%m-%dT%H:%M:%fZ', timestamp)),
    feedback_type TEXT NOT NULL
        CHECK (feedback_type IN ('thumbs_up', 'thumbs_down', 'explicit', 'implicit')),
    -- A rating accompanies explicit feedback only.
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    category TEXT CHECK (category IN ('accuracy', 'relevance', 'speed', 'format', 'other')),
    context_hash TEXT
        CHECK (length(context_hash) = 64 AND context_hash NOT GLOB '*[^0-9a-f]*'),
    CHECK (rating IS NULL OR feedback_type = 'explicit')
);
CREATE INDEX idx_feedback_session ON feedback(session_id);
CREATE INDEX idx_feedback_query ON feedback(query_id);
CREATE INDEX idx_feedback_type ON feedback(feedback_type);
CREATE INDEX idx_feedback_timestamp ON feedback(timestamp);

CREATE TABLE tool_usage (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    query_id TEXT REFERENCES queries(id) ON DELETE CASCADE,
    timestamp TEXT NOT NULL
        CHECK (timestamp IS strftime('%Y-%m-%dT%H:%M:%fZ', timestamp)),
    tool_name TEXT NOT NULL CHECK (length(tool_name) > 0),
    tool_category TEXT CHECK (tool_category IN ('search', 'file', 'shell', 'mcp', 'reasoning')),
    execution_ms INTEGER NOT NULL CHECK (execution_ms >= 0),
    success INTEGER NOT NULL CHECK (success IN (0, 1)),
    error_type TEXT,
    input_size_bytes INTEGER CHECK (input_size_bytes >= 0),
    output_size_bytes INTEGER CHECK (output_size_bytes >= 0)
);
CREATE INDEX idx_tool_usage_session ON tool_usage(session_id);
CREATE INDEX idx_tool_usage_query ON tool_usage(query_id);
CREATE INDEX idx_tool_usage_tool ON tool_usage(tool_name);
CREATE INDEX idx_tool_usage_category ON tool_usage(tool_category);
CREATE INDEX idx_tool_usage_timestamp ON tool_usage(timestamp);

CREATE TABLE reasoning_traces (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    query_id TEXT REFERENCES queries(id) ON DELETE CASCADE,
    timestamp TEXT NOT NULL
        CHECK (timestamp IS strftime('%Y-%m-%dT%H:%M:%fZ', timestamp)),
    thinktool_name TEXT NOT NULL CHECK (length(thinktool_name) > 0),
    step_count INTEGER NOT NULL CHECK (step_count >= 0),
    total_ms INTEGER NOT NULL CHECK (total_ms >= 0),
    avg_step_ms REAL CHECK (avg_step_ms >= 0),
    coherence_score REAL CHECK (coherence_score BETWEEN 0 AND 1),
    depth_score REAL CHECK (depth_score BETWEEN 0 AND 1),
    step_types TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(step_types) AND json_type(step_types) = 'array')
);
CREATE INDEX idx_traces_session ON reasoning_traces(session_id);
CREATE INDEX idx_traces_query ON reasoning_traces(query_id);
CREATE INDEX idx_traces_thinktool ON reasoning_traces(thinktool_name);
CREATE INDEX idx_traces_timestamp ON reasoning_traces(timestamp);

CREATE TABLE daily_aggregates (
    date TEXT PRIMARY KEY NOT NULL CHECK (date IS date(date)),
    computed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CHECK (computed_at IS strftime('%Y-%m-%dT%H:%M:%fZ', computed_at)),
    session_count INTEGER NOT NULL DEFAULT 0 CHECK (session_count >= 0),
    query_count INTEGER NOT NULL DEFAULT 0 CHECK (query_count >= 0),
    feedback_count INTEGER NOT NULL DEFAULT 0 CHECK (feedback_count >= 0),
    tool_invocations INTEGER NOT NULL DEFAULT 0 CHECK (tool_invocations >= 0),
    avg_latency_ms REAL CHECK (avg_latency_ms >= 0),
    p50_latency_ms REAL CHECK (p50_latency_ms >= 0),
    p95_latency_ms REAL CHECK (p95_latency_ms >= p50_latency_ms),
    p99_latency_ms REAL CHECK (p99_latency_ms >= p95_latency_ms),
    avg_success_rate REAL CHECK (avg_success_rate BETWEEN 0 AND 1),
    positive_feedback_ratio REAL CHECK (positive_feedback_ratio BETWEEN 0 AND 1),
    error_rate REAL CHECK (error_rate BETWEEN 0 AND 1),
    tool_distribution TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(tool_distribution) AND json_type(tool_distribution) = 'object'),
    query_type_distribution TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(query_type_distribution) AND json_type(query_type_distribution) = 'object')
);
CREATE INDEX idx_daily_aggregates_computed ON daily_aggregates(computed_at);

CREATE TABLE query_clusters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    computed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CHECK (computed_at IS strftime('%Y-%m-%dT%H:%M:%fZ', computed_at)),
    cluster_count INTEGER NOT NULL CHECK (cluster_count >= 1),
    -- The silhouette coefficient's own range is [-1, 1].
    silhouette_score REAL CHECK (silhouette_score BETWEEN -1 AND 1),
    centroids TEXT NOT NULL CHECK (json_valid(centroids) AND json_type(centroids) = 'array'),
    cluster_sizes TEXT NOT NULL
        CHECK (json_valid(cluster_sizes) AND json_type(cluster_sizes) = 'array'
               AND json_array_length(cluster_sizes) = cluster_count),
    representative_hashes TEXT NOT NULL
        CHECK (json_valid(representative_hashes) AND json_type(representative_hashes) = 'array'),
    -- Added: which embedding model's vectors were clustered (clusters of different models are not comparable).
    embedding_model TEXT,
    -- Added: how many feature vectors the clustering saw.
    sample_count INTEGER NOT NULL DEFAULT 0 CHECK (sample_count >= 0)
);
CREATE INDEX idx_query_clusters_computed ON query_clusters(computed_at);

CREATE TABLE privacy_consent (
    id TEXT PRIMARY KEY NOT NULL,
    -- Added: the same subject hash as sessions.subject_id; the latest row per subject is the current consent.
    subject_id TEXT NOT NULL
        CHECK (length(subject_id) = 64 AND subject_id NOT GLOB '*[^0-9a-f]*'),
    timestamp TEXT NOT NULL
        CHECK (timestamp IS strftime('%Y-%m-%dT%H:%M:%fZ', timestamp)),
    local_telemetry INTEGER NOT NULL CHECK (local_telemetry IN (0, 1)),
    aggregated_sharing INTEGER NOT NULL CHECK (aggregated_sharing IN (0, 1)),
    community_contribution INTEGER NOT NULL CHECK (community_contribution IN (0, 1)),
    consent_version TEXT NOT NULL CHECK (length(consent_version) > 0),
    ip_hash TEXT CHECK (length(ip_hash) = 64 AND ip_hash NOT GLOB '*[^0-9a-f]*')
);
CREATE INDEX idx_privacy_consent_subject ON privacy_consent(subject_id, timestamp);
CREATE INDEX idx_privacy_consent_timestamp ON privacy_consent(timestamp);

CREATE TABLE redaction_log (
    id TEXT PRIMARY KEY NOT NULL,
    timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        CHECK (timestamp IS strftime('%Y-%m-%dT%H:%M:%fZ', timestamp)),
    source_table TEXT NOT NULL CHECK (length(source_table) > 0),
    source_id TEXT NOT NULL CHECK (length(source_id) > 0),
    redaction_type TEXT NOT NULL CHECK (redaction_type IN ('pii', 'sensitive', 'custom')),
    -- The name of the pattern that matched (e.g. 'email'), never the matched value.
    pattern_matched TEXT
);
CREATE INDEX idx_redaction_source ON redaction_log(source_table, source_id);
CREATE INDEX idx_redaction_timestamp ON redaction_log(timestamp);

-- ---------------------------------------------------------------------------------------------------------
-- Task 47 ML tables
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE model_training_runs (
    id TEXT PRIMARY KEY NOT NULL,
    started_at TEXT NOT NULL
        CHECK (started_at IS strftime('%Y-%m-%dT%H:%M:%fZ', started_at)),
    completed_at TEXT
        CHECK (completed_at IS strftime('%Y-%m-%dT%H:%M:%fZ', completed_at)),
    model_type TEXT NOT NULL CHECK (model_type IN ('classifier', 'routing', 'optimization')),
    -- Semantic version (semver.org 2.0.0): MAJOR.MINOR.PATCH without leading zeros, then an optional -pre.release
    -- and +build suffix of [0-9A-Za-z-] identifiers; unique per model type. The core is the leading run of digits
    -- and dots (what ltrim strips), the suffix the rest. lib/runs/semver.ts is the full parser; this is the backstop.
    model_version TEXT NOT NULL
        CHECK (model_version NOT GLOB '*[^0-9A-Za-z.+-]*'
               AND substr(model_version, 1, length(model_version) - length(ltrim(model_version, '0123456789.'))) GLOB '[0-9]*.[0-9]*.[0-9]*'
               AND substr(model_version, 1, length(model_version) - length(ltrim(model_version, '0123456789.'))) NOT GLOB '*.'
               AND substr(model_version, 1, length(model_version) - length(ltrim(model_version, '0123456789.'))) NOT GLOB '*..*'
               AND length(substr(model_version, 1, length(model_version) - length(ltrim(model_version, '0123456789.')))) - length(replace(substr(model_version, 1, length(model_version) - length(ltrim(model_version, '0123456789.'))), '.', '')) = 2
               AND ('.' || substr(model_version, 1, length(model_version) - length(ltrim(model_version, '0123456789.')))) NOT GLOB '*.0[0-9]*'
               AND (ltrim(model_version, '0123456789.') = ''
                    OR (ltrim(model_version, '0123456789.') GLOB '[-+]?*'
                        AND ltrim(model_version, '0123456789.') NOT GLOB '*[.+]'
                        AND ltrim(model_version, '0123456789.') NOT GLOB '[-+].*'
                        AND ltrim(model_version, '0123456789.') NOT GLOB '*..*'
                        AND ltrim(model_version, '0123456789.') NOT GLOB '-+*'
                        AND ltrim(model_version, '0123456789.') NOT GLOB '*.+*'
                        AND ltrim(model_version, '0123456789.') NOT GLOB '*+.*'
                        AND ltrim(model_version, '0123456789.') NOT GLOB '*+*+*'))),
    hyperparameters TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(hyperparameters) AND json_type(hyperparameters) = 'object'),
    training_samples INTEGER NOT NULL CHECK (training_samples >= 0),
    validation_samples INTEGER CHECK (validation_samples >= 0),
    test_samples INTEGER CHECK (test_samples >= 0),
    accuracy REAL CHECK (accuracy BETWEEN 0 AND 1),
    precision REAL CHECK (precision BETWEEN 0 AND 1),
    recall REAL CHECK (recall BETWEEN 0 AND 1),
    f1_score REAL CHECK (f1_score BETWEEN 0 AND 1),
    training_loss REAL CHECK (training_loss >= 0),
    validation_loss REAL CHECK (validation_loss >= 0),
    training_duration_ms INTEGER CHECK (training_duration_ms >= 0),
    feature_set_version TEXT,
    notes TEXT,
    CHECK (completed_at IS NULL OR completed_at >= started_at)
);
CREATE UNIQUE INDEX idx_runs_type_version ON model_training_runs(model_type, model_version);
CREATE INDEX idx_runs_version ON model_training_runs(model_version);
CREATE INDEX idx_runs_started ON model_training_runs(started_at);
CREATE INDEX idx_runs_completed ON model_training_runs(completed_at);

CREATE TABLE feature_vectors (
    id TEXT PRIMARY KEY NOT NULL,
    query_id TEXT NOT NULL REFERENCES queries(id) ON DELETE CASCADE,
    computed_at TEXT NOT NULL
        CHECK (computed_at IS strftime('%Y-%m-%dT%H:%M:%fZ', computed_at)),
    embedding TEXT NOT NULL CHECK (json_valid(embedding) AND json_type(embedding) = 'array'),
    embedding_model TEXT,
    embedding_dim INTEGER CHECK (embedding_dim > 0 AND embedding_dim = json_array_length(embedding)),
    features TEXT CHECK (json_valid(features) AND json_type(features) = 'object'),
    feature_version TEXT
);
CREATE INDEX idx_feature_vectors_query ON feature_vectors(query_id);
CREATE INDEX idx_feature_vectors_model ON feature_vectors(embedding_model);
CREATE INDEX idx_feature_vectors_computed ON feature_vectors(computed_at);

CREATE TABLE model_predictions (
    id TEXT PRIMARY KEY NOT NULL,
    query_id TEXT NOT NULL REFERENCES queries(id) ON DELETE CASCADE,
    model_run_id TEXT NOT NULL REFERENCES model_training_runs(id) ON DELETE RESTRICT,
    predicted_at TEXT NOT NULL
        CHECK (predicted_at IS strftime('%Y-%m-%dT%H:%M:%fZ', predicted_at)),
    prediction TEXT NOT NULL CHECK (json_valid(prediction)),
    confidence REAL CHECK (confidence BETWEEN 0 AND 1),
    prediction_type TEXT NOT NULL
        CHECK (prediction_type IN ('classification', 'routing', 'optimization')),
    actual_value TEXT CHECK (json_valid(actual_value)),
    is_correct INTEGER CHECK (is_correct IN (0, 1)),
    -- Added: when the ground truth was recorded (NULL while unlabelled).
    labeled_at TEXT
        CHECK (labeled_at IS strftime('%Y-%m-%dT%H:%M:%fZ', labeled_at)),
    -- A prediction is either unlabelled (no actual, no verdict, no label time) or fully labelled.
    CHECK ((actual_value IS NULL AND is_correct IS NULL AND labeled_at IS NULL)
        OR (actual_value IS NOT NULL AND is_correct IS NOT NULL AND labeled_at IS NOT NULL)),
    CHECK (labeled_at IS NULL OR labeled_at >= predicted_at)
);
CREATE INDEX idx_predictions_query ON model_predictions(query_id);
CREATE INDEX idx_predictions_model ON model_predictions(model_run_id, predicted_at);
CREATE INDEX idx_predictions_correct ON model_predictions(is_correct);
CREATE INDEX idx_predictions_predicted ON model_predictions(predicted_at);
CREATE INDEX idx_predictions_labeled ON model_predictions(labeled_at);

CREATE TABLE ab_test_results (
    id TEXT PRIMARY KEY NOT NULL,
    test_name TEXT NOT NULL CHECK (length(test_name) > 0),
    started_at TEXT NOT NULL
        CHECK (started_at IS strftime('%Y-%m-%dT%H:%M:%fZ', started_at)),
    ended_at TEXT
        CHECK (ended_at IS strftime('%Y-%m-%dT%H:%M:%fZ', ended_at)),
    -- Model versions under test, as shown to people ('1.4.0'); the run ids below are the exact references.
    variant_a_model TEXT NOT NULL,
    variant_b_model TEXT NOT NULL,
    -- Added: the training runs behind each variant.
    variant_a_run_id TEXT NOT NULL REFERENCES model_training_runs(id) ON DELETE RESTRICT,
    variant_b_run_id TEXT NOT NULL REFERENCES model_training_runs(id) ON DELETE RESTRICT,
    -- Share of traffic routed to variant B.
    traffic_split REAL NOT NULL CHECK (traffic_split > 0 AND traffic_split < 1),
    variant_a_samples INTEGER NOT NULL DEFAULT 0 CHECK (variant_a_samples >= 0),
    variant_b_samples INTEGER NOT NULL DEFAULT 0 CHECK (variant_b_samples >= 0),
    -- Added: exact success counts; the success rates are derived from them so they can never disagree.
    variant_a_successes INTEGER NOT NULL DEFAULT 0
        CHECK (variant_a_successes >= 0 AND variant_a_successes <= variant_a_samples),
    variant_b_successes INTEGER NOT NULL DEFAULT 0
        CHECK (variant_b_successes >= 0 AND variant_b_successes <= variant_b_samples),
    variant_a_success_rate REAL GENERATED ALWAYS AS
        (CASE WHEN variant_a_samples > 0 THEN variant_a_successes * 1.0 / variant_a_samples END) VIRTUAL,
    variant_b_success_rate REAL GENERATED ALWAYS AS
        (CASE WHEN variant_b_samples > 0 THEN variant_b_successes * 1.0 / variant_b_samples END) VIRTUAL,
    -- p-value of the analysis recorded with the decision.
    statistical_significance REAL CHECK (statistical_significance BETWEEN 0 AND 1),
    winner TEXT CHECK (winner IN ('A', 'B', 'tie')),
    confidence REAL CHECK (confidence BETWEEN 0 AND 1),
    notes TEXT,
    -- Added: lifecycle and the auditable decision record.
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'closed')),
    decided_by TEXT,
    decided_at TEXT
        CHECK (decided_at IS strftime('%Y-%m-%dT%H:%M:%fZ', decided_at)),
    decision_reason TEXT,
    CHECK (variant_a_run_id <> variant_b_run_id),
    CHECK (ended_at IS NULL OR ended_at >= started_at),
    CHECK (decided_at IS NULL OR decided_at >= started_at),
    -- A closed test carries a complete decision; a running one carries none.
    CHECK ((status = 'running' AND winner IS NULL AND decided_by IS NULL AND decided_at IS NULL AND ended_at IS NULL)
        OR (status = 'closed' AND winner IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND ended_at IS NOT NULL AND decision_reason IS NOT NULL))
);
CREATE INDEX idx_ab_tests_name ON ab_test_results(test_name);
CREATE INDEX idx_ab_tests_status ON ab_test_results(status);
CREATE INDEX idx_ab_tests_run_a ON ab_test_results(variant_a_run_id);
CREATE INDEX idx_ab_tests_run_b ON ab_test_results(variant_b_run_id);
CREATE INDEX idx_ab_tests_started ON ab_test_results(started_at);
CREATE INDEX idx_ab_tests_ended ON ab_test_results(ended_at);
CREATE INDEX idx_ab_tests_decided ON ab_test_results(decided_at);
CREATE INDEX idx_ab_tests_model_a ON ab_test_results(variant_a_model);
CREATE INDEX idx_ab_tests_model_b ON ab_test_results(variant_b_model);

-- ---------------------------------------------------------------------------------------------------------
-- v1 views (30-day windows)
-- ---------------------------------------------------------------------------------------------------------

-- Per session of the last 30 days: its feedback items and a feedback score (thumbs_up = 1, thumbs_down = 0;
-- NULL when the session has no thumbs feedback).
CREATE VIEW v_recent_sessions AS
SELECT
    s.id,
    s.started_at,
    s.ended_at,
    s.duration_ms,
    s.profile,
    s.query_count,
    s.tool_count,
    COUNT(f.id) AS feedback_items,
    AVG(CASE f.feedback_type WHEN 'thumbs_up' THEN 1.0 WHEN 'thumbs_down' THEN 0.0 END) AS feedback_score
FROM sessions s
LEFT JOIN feedback f ON f.session_id = s.id
WHERE s.started_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 days')
GROUP BY s.id
ORDER BY s.started_at DESC;

CREATE VIEW v_tool_performance AS
SELECT
    tool_name,
    tool_category,
    COUNT(*) AS invocations,
    AVG(execution_ms) AS avg_execution_ms,
    AVG(success) AS success_rate,
    SUM(input_size_bytes) AS total_input_bytes,
    SUM(output_size_bytes) AS total_output_bytes
FROM tool_usage
WHERE timestamp > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 days')
GROUP BY tool_name, tool_category
ORDER BY invocations DESC;

CREATE VIEW v_thinktool_stats AS
SELECT
    thinktool_name,
    COUNT(*) AS uses,
    AVG(step_count) AS avg_steps,
    AVG(total_ms) AS avg_total_ms,
    AVG(coherence_score) AS avg_coherence,
    AVG(depth_score) AS avg_depth
FROM reasoning_traces
WHERE timestamp > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 days')
GROUP BY thinktool_name
ORDER BY uses DESC;

-- ---------------------------------------------------------------------------------------------------------
-- Task 47 ML views
-- ---------------------------------------------------------------------------------------------------------

-- Training data of the last 90 days: one row per feature vector (in practice one per query and embedding
-- model), never one per feedback row. The document's version joined feedback directly, so a query with two
-- feedback rows appeared twice and unlabelled queries were silently labelled negative. Here feedback_type and
-- rating come from the query's latest labelling feedback (thumbs up/down, or explicit with a rating; ties on
-- time broken by id), and positive_label is 1 for thumbs_up or a rating of 4-5, 0 for thumbs_down or a rating
-- of 1-3, and NULL when the query has no labelling feedback (implicit feedback never labels).
-- Columns beyond the document's: timestamp (of the query), feature_vector_id, embedding_model, embedding_dim,
-- feature_version (to filter and reproduce an export) and feedback_count (all feedback rows of the query).
CREATE VIEW v_training_data_export AS
WITH labelling_feedback AS (
    SELECT
        f.query_id,
        f.feedback_type,
        f.rating,
        ROW_NUMBER() OVER (PARTITION BY f.query_id ORDER BY f.timestamp DESC, f.id DESC) AS recency
    FROM feedback f
    WHERE f.query_id IS NOT NULL
      AND (f.feedback_type IN ('thumbs_up', 'thumbs_down')
           OR (f.feedback_type = 'explicit' AND f.rating IS NOT NULL))
)
SELECT
    q.id AS query_id,
    q.query_hash,
    q.query_type,
    q.query_length,
    q.query_token_count,
    q.latency_ms,
    q.tool_calls,
    q.result_quality_score,
    q.error_occurred,
    q.timestamp,
    fv.id AS feature_vector_id,
    fv.embedding,
    fv.embedding_model,
    fv.embedding_dim,
    fv.features,
    fv.feature_version,
    lf.feedback_type,
    lf.rating,
    (SELECT COUNT(*) FROM feedback f_all WHERE f_all.query_id = q.id) AS feedback_count,
    CASE
        WHEN lf.feedback_type = 'thumbs_up' OR lf.rating >= 4 THEN 1
        WHEN lf.feedback_type = 'thumbs_down' OR lf.rating <= 3 THEN 0
    END AS positive_label
FROM queries q
JOIN feature_vectors fv ON fv.query_id = q.id
LEFT JOIN labelling_feedback lf ON lf.query_id = q.id AND lf.recency = 1
WHERE q.timestamp > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-90 days')
  AND fv.embedding IS NOT NULL;

-- Training metrics beside live metrics, one row per training run. Live accuracy is over labelled predictions
-- only: the document's version divided by all predictions, counting every unlabelled one as wrong.
CREATE VIEW v_model_performance AS
SELECT
    mtr.id AS model_run_id,
    mtr.model_type,
    mtr.model_version,
    mtr.started_at,
    COUNT(mp.id) AS prediction_count,
    COUNT(mp.is_correct) AS labelled_count,
    SUM(mp.is_correct) * 1.0 / COUNT(mp.is_correct) AS accuracy,
    AVG(mp.confidence) AS avg_confidence,
    mtr.accuracy AS training_accuracy,
    mtr.f1_score AS training_f1
FROM model_training_runs mtr
LEFT JOIN model_predictions mp ON mtr.id = mp.model_run_id
GROUP BY mtr.id
ORDER BY mtr.started_at DESC;

-- Average result quality per feature combination, as the design document specifies it, grouped by the JSON
-- features (the document's GROUP BY names resolved to the queries table's own query_length column).
CREATE VIEW v_feature_importance AS
SELECT
    json_extract(fv.features, '$.query_length') AS query_length,
    json_extract(fv.features, '$.tool_count') AS tool_count,
    json_extract(fv.features, '$.profile') AS profile,
    AVG(q.result_quality_score) AS avg_quality,
    COUNT(*) AS sample_count
FROM feature_vectors fv
JOIN queries q ON fv.query_id = q.id
WHERE fv.features IS NOT NULL
-- By position: a bare query_length here would bind to queries.query_length, not to the JSON feature of that name.
GROUP BY 1, 2, 3
ORDER BY sample_count DESC;

INSERT INTO schema_version (version, description)
VALUES (2, 'RALL v1 telemetry with the Task 47 ML tables, views, constraints and indexes');
