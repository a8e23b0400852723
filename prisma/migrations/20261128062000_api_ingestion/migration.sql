-- Ingestion API (issue 8): idempotent batch writes and training-run tags.

-- One row per successful write made with an Idempotency-Key header: the response it produced, so a retry of the
-- same request (same caller, key, route and body) is answered from here instead of writing again. The row is
-- inserted in the transaction that makes the write, so one never commits without the other; the unique index
-- makes a concurrent retry fail its insert and roll back instead of writing twice. Rows expire after 24 hours.
CREATE TABLE api_idempotency_keys (
    id TEXT PRIMARY KEY NOT NULL,
    -- The API key or user that sent the request ('anonymous' while the API is open).
    caller_id TEXT NOT NULL CHECK (length(caller_id) > 0),
    idempotency_key TEXT NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    -- 'POST /api/v1/predictions': a key is bound to the route it was first used on.
    route TEXT NOT NULL CHECK (length(route) > 0),
    -- SHA-256 of the request body, lower-case hex.
    request_hash TEXT NOT NULL
        CHECK (length(request_hash) = 64 AND request_hash NOT GLOB '*[^0-9a-f]*'),
    response_status INTEGER NOT NULL CHECK (response_status BETWEEN 200 AND 299),
    response_body TEXT NOT NULL CHECK (json_valid(response_body)),
    created_at TEXT NOT NULL
        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%fZ', created_at)),
    expires_at TEXT NOT NULL
        CHECK (expires_at IS strftime('%Y-%m-%dT%H:%M:%fZ', expires_at)),
    CHECK (expires_at > created_at)
);
CREATE UNIQUE INDEX idx_api_idempotency_caller_key ON api_idempotency_keys(caller_id, idempotency_key);
CREATE INDEX idx_api_idempotency_created ON api_idempotency_keys(created_at);
CREATE INDEX idx_api_idempotency_expires ON api_idempotency_keys(expires_at);

-- Free-form labels on a training run ('baseline', 'prod-candidate'), set by the API or the run's owner.
CREATE TABLE run_tags (
    id TEXT PRIMARY KEY NOT NULL,
    run_id TEXT NOT NULL REFERENCES model_training_runs(id) ON DELETE CASCADE,
    tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64 AND tag = trim(tag)),
    created_at TEXT NOT NULL
        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%fZ', created_at))
);
CREATE UNIQUE INDEX idx_run_tags_run_tag ON run_tags(run_id, tag);
CREATE INDEX idx_run_tags_tag ON run_tags(tag);
CREATE INDEX idx_run_tags_created ON run_tags(created_at);
