-- The outbox takes a third kind of message, `notice` (a password changed or reset: ASVS
-- 2.2.3), and is indexed by channel and time for the service's SMS budget (messages to
-- phones in the last hour and day). SQLite cannot alter a CHECK: the table is rebuilt.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    channel         TEXT    NOT NULL CHECK (channel IN ('phone', 'email')),
    destination     TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('code', 'decision', 'notice')),
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
INSERT INTO outbox_new SELECT id, channel, destination, kind, payload_sealed, created_at,
    expires_at, attempts, next_attempt_at, lease_until, delivered_at, given_up_at, last_error
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;
CREATE INDEX outbox_by_channel_time ON outbox(channel, created_at);
