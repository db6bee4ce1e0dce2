-- PER schema on PostgreSQL: the same tables as the SQLite migrations, in one step. Times are
-- Unix seconds (UTC); secrets hashed, personal data and camera frames sealed.

CREATE TABLE signups (
    id             BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash     BYTEA   NOT NULL UNIQUE,
    phone          TEXT    NOT NULL,
    email          TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    phone_verified BOOLEAN NOT NULL DEFAULT FALSE,
    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     BIGINT  NOT NULL,
    completed_at   BIGINT
);

CREATE TABLE codes (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    signup_id   BIGINT  NOT NULL REFERENCES signups(id),
    channel     TEXT    NOT NULL CHECK (channel IN ('phone', 'email')),
    destination TEXT    NOT NULL,
    code_hash   BYTEA   NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    attempts    BIGINT  NOT NULL DEFAULT 0,
    spent       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX codes_by_signup ON codes(signup_id, channel, created_at);
CREATE INDEX codes_by_destination ON codes(destination, created_at);

CREATE TABLE accounts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone         TEXT   NOT NULL UNIQUE,
    email         TEXT   NOT NULL UNIQUE,
    password_hash TEXT   NOT NULL,
    language      TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash BYTEA  PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE face_challenges (
    token_hash BYTEA  PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    prompt     TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

CREATE TABLE face_captures (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts(id),
    prompt        TEXT   NOT NULL,
    frame_count   BIGINT NOT NULL,
    frames_sealed BYTEA  NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE requests (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference       TEXT   NOT NULL UNIQUE,
    account_id      BIGINT NOT NULL REFERENCES accounts(id),
    idempotency_key TEXT   NOT NULL,
    identity_sealed BYTEA  NOT NULL,
    nid_hash        BYTEA  NOT NULL,
    status          TEXT   NOT NULL,
    reasons         TEXT   NOT NULL DEFAULT '',
    submitted_at    BIGINT NOT NULL,
    decided_at      BIGINT,
    UNIQUE (account_id, idempotency_key)
);
CREATE INDEX requests_by_account ON requests(account_id, submitted_at);
CREATE INDEX requests_by_nid ON requests(nid_hash);
CREATE UNIQUE INDEX one_open_request ON requests(account_id) WHERE status <> 'rejected';

CREATE TABLE login_failures (
    login_hash BYTEA  NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX login_failures_by_login ON login_failures(login_hash, at);

CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         TEXT   NOT NULL CHECK (channel IN ('phone', 'email')),
    destination     TEXT   NOT NULL,
    kind            TEXT   NOT NULL CHECK (kind IN ('code', 'decision')),
    payload_sealed  BYTEA,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    delivered_at    BIGINT,
    given_up_at     BIGINT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;

CREATE TABLE dev_messages (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel     TEXT   NOT NULL,
    destination TEXT   NOT NULL,
    subject     TEXT   NOT NULL,
    body        TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX dev_messages_by_destination ON dev_messages(destination, id);

CREATE TABLE send_budgets (
    destination TEXT   PRIMARY KEY,
    touched_at  BIGINT NOT NULL
);

CREATE TABLE decisions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests(id),
    status     TEXT   NOT NULL,
    reasons    TEXT   NOT NULL,
    decided_by TEXT   NOT NULL,
    decided_at BIGINT NOT NULL
);
CREATE INDEX decisions_by_request ON decisions(request_id);
