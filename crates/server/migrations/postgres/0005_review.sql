-- The review console (issue 10): officials (created by `per-server official add`), their
-- own sessions, single-use recovery codes, assignments (a 30-minute lease per request), the
-- hash-chained audit log, and what the queue filters on: the country abroad in clear, the
-- decision's note.

CREATE TABLE officials (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login          TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('reviewer', 'supervisor', 'administrator')),
    password_hash  TEXT    NOT NULL,
    -- The TOTP secret, sealed.
    totp_sealed    BYTEA    NOT NULL,
    -- The last TOTP step accepted: a code is refused at or before it (no reuse).
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    disabled       BIGINT  NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);

CREATE TABLE official_recovery_codes (
    official_id BIGINT NOT NULL REFERENCES officials(id),
    code_hash   BYTEA    NOT NULL,
    used_at     BIGINT,
    PRIMARY KEY (official_id, code_hash)
);

CREATE TABLE official_sessions (
    token_hash  BYTEA    PRIMARY KEY,
    official_id BIGINT NOT NULL REFERENCES officials(id),
    created_at  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX official_sessions_by_official ON official_sessions(official_id);

CREATE TABLE assignments (
    request_id  BIGINT PRIMARY KEY REFERENCES requests(id),
    official_id BIGINT NOT NULL REFERENCES officials(id),
    expires_at  BIGINT NOT NULL
);

CREATE TABLE audit_log (
    seq         BIGINT  PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    detail_hash BYTEA    NOT NULL,
    prev_hash   BYTEA    NOT NULL,
    hash        BYTEA    NOT NULL
);

ALTER TABLE requests ADD COLUMN country TEXT NOT NULL DEFAULT '';
CREATE INDEX requests_queue ON requests(status, submitted_at);
ALTER TABLE decisions ADD COLUMN note TEXT NOT NULL DEFAULT '';
