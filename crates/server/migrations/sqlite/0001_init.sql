-- PER schema, first version. Times are Unix seconds (UTC). Secrets are stored hashed
-- (tokens: SHA-256; codes: HMAC-SHA-256 under the server key; passwords: Argon2id),
-- personal data and camera frames sealed with XChaCha20-Poly1305.

CREATE TABLE signups (
    id             INTEGER PRIMARY KEY,
    token_hash     BLOB    NOT NULL UNIQUE,
    phone          TEXT    NOT NULL,
    email          TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    phone_verified INTEGER NOT NULL DEFAULT 0,
    email_verified INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    completed_at   INTEGER
);

CREATE TABLE codes (
    id          INTEGER PRIMARY KEY,
    signup_id   INTEGER NOT NULL REFERENCES signups(id),
    channel     TEXT    NOT NULL CHECK (channel IN ('phone', 'email')),
    destination TEXT    NOT NULL,
    code_hash   BLOB    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    spent       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX codes_by_signup ON codes(signup_id, channel, created_at);
CREATE INDEX codes_by_destination ON codes(destination, created_at);

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    phone         TEXT    NOT NULL UNIQUE,
    email         TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash BLOB    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE face_challenges (
    token_hash BLOB    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    prompt     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

CREATE TABLE face_captures (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    prompt        TEXT    NOT NULL,
    frame_count   INTEGER NOT NULL,
    frames_sealed BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE requests (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    account_id      INTEGER NOT NULL REFERENCES accounts(id),
    idempotency_key TEXT    NOT NULL,
    identity_sealed BLOB    NOT NULL,
    nid_hash        BLOB    NOT NULL,
    status          TEXT    NOT NULL,
    reasons         TEXT    NOT NULL DEFAULT '',
    submitted_at    INTEGER NOT NULL,
    decided_at      INTEGER,
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX requests_by_account ON requests(account_id, submitted_at);
CREATE INDEX requests_by_nid ON requests(nid_hash);

-- The development outbox: what the notifier would have sent, when nothing is configured.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    channel     TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
