-- Privacy centre (issue 7): erasure requests, the differential-privacy budget ledger, and per-day fingerprints
-- that let the daily aggregation recompute only the days whose raw data changed.

-- One row per erasure of a session or a subject. It holds no personal data: the erased id is kept only as an
-- HMAC under the secret key outside the database (so a later request can be matched to it by whoever holds the
-- key, but a copy of the database names no one), plus how many rows each table lost.
CREATE TABLE deletion_requests (
    id TEXT PRIMARY KEY NOT NULL,
    requested_at TEXT NOT NULL
        CHECK (requested_at IS strftime('%Y-%m-%dT%H:%M:%fZ', requested_at)),
    completed_at TEXT
        CHECK (completed_at IS strftime('%Y-%m-%dT%H:%M:%fZ', completed_at)),
    scope TEXT NOT NULL CHECK (scope IN ('session', 'subject')),
    target_hash TEXT NOT NULL
        CHECK (length(target_hash) = 64 AND target_hash NOT GLOB '*[^0-9a-f]*'),
    -- {"queries": 12, "feedback": 3, ...}: rows deleted per table.
    rows_deleted TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(rows_deleted) AND json_type(rows_deleted) = 'object'),
    total_rows INTEGER NOT NULL DEFAULT 0 CHECK (total_rows >= 0),
    CHECK (completed_at IS NULL OR completed_at >= requested_at)
);
CREATE INDEX idx_deletion_requests_requested ON deletion_requests(requested_at);
CREATE INDEX idx_deletion_requests_completed ON deletion_requests(completed_at);
CREATE INDEX idx_deletion_requests_target ON deletion_requests(target_hash);

-- Every differentially private release, with the ε it spent from its budget. A release is written by one
-- INSERT ... SELECT that checks the budget in the same statement, so two releases cannot overspend it.
CREATE TABLE privacy_budget_ledger (
    id TEXT PRIMARY KEY NOT NULL,
    released_at TEXT NOT NULL
        CHECK (released_at IS strftime('%Y-%m-%dT%H:%M:%fZ', released_at)),
    budget TEXT NOT NULL CHECK (length(budget) > 0),
    epsilon REAL NOT NULL CHECK (epsilon > 0),
    mechanism TEXT NOT NULL CHECK (mechanism IN ('laplace')),
    description TEXT NOT NULL CHECK (length(description) > 0)
);
CREATE INDEX idx_privacy_budget_ledger_budget ON privacy_budget_ledger(budget, released_at);
CREATE INDEX idx_privacy_budget_ledger_released ON privacy_budget_ledger(released_at);

-- What the raw rows of a UTC day looked like when its daily_aggregates row was computed: counts and the
-- latest timestamps per raw table, plus a checksum of their ids. A day is recomputed only when this differs.
CREATE TABLE daily_aggregate_sources (
    date TEXT PRIMARY KEY NOT NULL CHECK (date IS strftime('%Y-%m-%d', date)),
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) > 0),
    computed_at TEXT NOT NULL
        CHECK (computed_at IS strftime('%Y-%m-%dT%H:%M:%fZ', computed_at))
);
CREATE INDEX idx_daily_aggregate_sources_computed ON daily_aggregate_sources(computed_at);
