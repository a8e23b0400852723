-- Access control (issue 8): dashboard users with roles, their sign-in sessions, and API keys.
-- No secret is stored in the clear: passwords as scrypt hashes (parameters and salt in the value), session
-- tokens and API keys as their SHA-256. These tables are not demo data: the seeder neither fills nor resets them.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    -- Lower-case sign-in name (an e-mail address is allowed).
    username TEXT NOT NULL UNIQUE
        CHECK (length(username) BETWEEN 1 AND 254 AND username = lower(trim(username))),
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    -- scrypt$N$r$p$salt$hash (base64url); see lib/auth/password.ts.
    password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
    created_at TEXT NOT NULL
        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%fZ', created_at)),
    disabled_at TEXT
        CHECK (disabled_at IS strftime('%Y-%m-%dT%H:%M:%fZ', disabled_at)),
    CHECK (disabled_at IS NULL OR disabled_at >= created_at)
);
CREATE INDEX idx_users_created ON users(created_at);
CREATE INDEX idx_users_disabled ON users(disabled_at);
CREATE INDEX idx_users_role ON users(role);

CREATE TABLE user_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    -- SHA-256 (hex) of the cookie's token: a copy of the database cannot sign anyone in.
    token_hash TEXT NOT NULL UNIQUE
        CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%fZ', created_at)),
    last_seen_at TEXT NOT NULL
        CHECK (last_seen_at IS strftime('%Y-%m-%dT%H:%M:%fZ', last_seen_at)),
    expires_at TEXT NOT NULL
        CHECK (expires_at IS strftime('%Y-%m-%dT%H:%M:%fZ', expires_at)),
    CHECK (expires_at > created_at AND last_seen_at >= created_at)
);
CREATE INDEX idx_user_sessions_user ON user_sessions(user_id);
CREATE INDEX idx_user_sessions_created ON user_sessions(created_at);
CREATE INDEX idx_user_sessions_last_seen ON user_sessions(last_seen_at);
CREATE INDEX idx_user_sessions_expires ON user_sessions(expires_at);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    -- PII-scrubbed label.
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- The key's first characters (e.g. rall_AbCd1234), enough to recognise it in a list, never to use it.
    key_prefix TEXT NOT NULL CHECK (key_prefix LIKE 'rall\_%' ESCAPE '\' AND length(key_prefix) BETWEEN 6 AND 20),
    key_hash TEXT NOT NULL UNIQUE
        CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*'),
    scope TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    -- NULL when created from the shell (npm run api-keys:create).
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%fZ', created_at)),
    last_used_at TEXT
        CHECK (last_used_at IS strftime('%Y-%m-%dT%H:%M:%fZ', last_used_at)),
    revoked_at TEXT
        CHECK (revoked_at IS strftime('%Y-%m-%dT%H:%M:%fZ', revoked_at)),
    CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);
CREATE INDEX idx_api_keys_created_by ON api_keys(created_by);
CREATE INDEX idx_api_keys_created ON api_keys(created_at);
CREATE INDEX idx_api_keys_last_used ON api_keys(last_used_at);
CREATE INDEX idx_api_keys_revoked ON api_keys(revoked_at);
