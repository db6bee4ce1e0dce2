-- The review console (issue 10): officials (created by `per-server official add`), their
-- own sessions, single-use recovery codes, assignments (a 30-minute lease per request), the
-- hash-chained audit log, and what the queue filters on: the country abroad in clear, the
-- decision's note.

CREATE TABLE officials (
    id             INTEGER PRIMARY KEY,
    login          TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('reviewer', 'supervisor', 'administrator')),
    password_hash  TEXT    NOT NULL,
    -- The TOTP secret, sealed.
    totp_sealed    BLOB    NOT NULL,
    -- The last TOTP step accepted: a code is refused at or before it (no reuse).
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);

CREATE TABLE official_recovery_codes (
    official_id INTEGER NOT NULL REFERENCES officials(id),
    code_hash   BLOB    NOT NULL,
    used_at     INTEGER,
    PRIMARY KEY (official_id, code_hash)
);

CREATE TABLE official_sessions (
    token_hash  BLOB    PRIMARY KEY,
    official_id INTEGER NOT NULL REFERENCES officials(id),
    created_at  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX official_sessions_by_official ON official_sessions(official_id);

CREATE TABLE assignments (
    request_id  INTEGER PRIMARY KEY REFERENCES requests(id),
    official_id INTEGER NOT NULL REFERENCES officials(id),
    expires_at  INTEGER NOT NULL
);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    detail_hash BLOB    NOT NULL,
    prev_hash   BLOB    NOT NULL,
    hash        BLOB    NOT NULL
);

ALTER TABLE requests ADD COLUMN country TEXT NOT NULL DEFAULT '';
CREATE INDEX requests_queue ON requests(status, submitted_at);
ALTER TABLE decisions ADD COLUMN note TEXT NOT NULL DEFAULT '';
