-- Training-data snapshots (issue 6): a saved export, with what is needed to re-export exactly the same rows
-- (the resolved filters; `since` is an instant, not "the last N days") and to tell whether they changed since
-- (the SHA-256 of the exported bytes, the row count and a SHA-256 of the exported feature-vector ids).
CREATE TABLE training_data_snapshots (
    id TEXT PRIMARY KEY NOT NULL,
    -- Free text, scrubbed for personal data before it is stored (redaction_log records what was replaced).
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    notes TEXT CHECK (notes IS NULL OR length(notes) BETWEEN 1 AND 5000),
    created_at TEXT NOT NULL
        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%fZ', created_at)),
    format TEXT NOT NULL CHECK (format IN ('csv', 'jsonl', 'parquet')),
    -- The filters, resolved: the window's first instant, and the days it spanned when saved (for display).
    since TEXT NOT NULL
        CHECK (since IS strftime('%Y-%m-%dT%H:%M:%fZ', since)),
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3650),
    embedding_model TEXT CHECK (embedding_model IS NULL OR length(embedding_model) BETWEEN 1 AND 200),
    feature_version TEXT CHECK (feature_version IS NULL OR length(feature_version) BETWEEN 1 AND 100),
    labelled_only INTEGER NOT NULL CHECK (labelled_only IN (0, 1)),
    row_count INTEGER NOT NULL CHECK (row_count >= 0),
    byte_count INTEGER NOT NULL CHECK (byte_count > 0),
    content_sha256 TEXT NOT NULL
        CHECK (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*'),
    -- SHA-256 of the exported feature-vector ids, one per line in export order: with the content hash it tells
    -- "the same rows, changed values" (a new label) from "rows added or removed".
    rows_sha256 TEXT NOT NULL
        CHECK (length(rows_sha256) = 64 AND rows_sha256 NOT GLOB '*[^0-9a-f]*'),
    -- The latest applied migration when the snapshot was taken: the schema the rows were read from.
    schema_version TEXT NOT NULL CHECK (length(schema_version) > 0),
    -- The distinct feature_version values of the exported rows, sorted; null versions are left out.
    feature_versions TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(feature_versions) AND json_type(feature_versions) = 'array'),
    CHECK (since <= created_at)
);
CREATE INDEX idx_training_data_snapshots_created ON training_data_snapshots(created_at);
CREATE INDEX idx_training_data_snapshots_since ON training_data_snapshots(since);

-- The snapshot a run was trained on. RESTRICT: a snapshot that runs cite is their provenance, so it cannot be
-- deleted from under them (SET NULL would silently erase what the run was trained on).
ALTER TABLE model_training_runs
    ADD COLUMN training_data_snapshot_id TEXT REFERENCES training_data_snapshots(id) ON DELETE RESTRICT;
CREATE INDEX idx_runs_training_data_snapshot ON model_training_runs(training_data_snapshot_id);
