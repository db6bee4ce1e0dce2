-- The transactional outbox: every message to a voter is written in the transaction of the
-- change that causes it and delivered by a worker (retries, backoff, leases). The payload is
-- sealed (it may hold a code) and erased once delivered, given up or expired.
DROP TABLE outbox;
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    channel         TEXT    NOT NULL CHECK (channel IN ('phone', 'email')),
    destination     TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('code', 'decision')),
    payload_sealed  BLOB,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    delivered_at    INTEGER,
    given_up_at     INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;

-- What the development outbox "sent" (only with --dev): tests and the developer read it.
CREATE TABLE dev_messages (
    id          INTEGER PRIMARY KEY,
    channel     TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX dev_messages_by_destination ON dev_messages(destination, id);

-- One row per destination that was ever sent a code: locked (upserted) in the transaction
-- that counts and sends, so the hourly budget holds across server processes.
CREATE TABLE send_budgets (
    destination TEXT    PRIMARY KEY,
    touched_at  INTEGER NOT NULL
);

-- Who decided what, when (the base of the review console's audit log).
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id),
    status     TEXT    NOT NULL,
    reasons    TEXT    NOT NULL,
    decided_by TEXT    NOT NULL,
    decided_at INTEGER NOT NULL
);
CREATE INDEX decisions_by_request ON decisions(request_id);
