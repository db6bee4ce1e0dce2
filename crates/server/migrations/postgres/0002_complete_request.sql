-- The complete request (issue 9): withdrawal, the body's keyed hash for idempotency, the
-- civil-registry match and zone, duplicate flags, drafts, uploads, the embedded registry.

-- One active request per account: rejected and withdrawn ones leave room for a new one.
DROP INDEX one_open_request;
CREATE UNIQUE INDEX one_open_request ON requests(account_id)
    WHERE status NOT IN ('rejected', 'withdrawn');

ALTER TABLE requests ADD COLUMN body_hash BYTEA;
ALTER TABLE requests ADD COLUMN registry_match TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN zone TEXT;
ALTER TABLE requests ADD COLUMN document_expired BIGINT NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN withdrawn_at BIGINT;

-- Possible duplicates, for officials: one row per request and the other request it shares
-- something with (`nid`), written for both at once.
CREATE TABLE duplicate_flags (
    request_id BIGINT NOT NULL REFERENCES requests(id),
    other_id   BIGINT NOT NULL REFERENCES requests(id),
    reason     TEXT    NOT NULL,
    flagged_at BIGINT NOT NULL,
    PRIMARY KEY (request_id, other_id, reason)
);

-- Every answered step, sealed, one draft per account.
CREATE TABLE drafts (
    account_id   BIGINT PRIMARY KEY REFERENCES accounts(id),
    draft_sealed BYTEA    NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- Document photos and proofs of address, sealed (images re-encoded, PDFs as sent).
CREATE TABLE uploads (
    id             TEXT    PRIMARY KEY,
    account_id     BIGINT NOT NULL REFERENCES accounts(id),
    kind           TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    bytes          BIGINT NOT NULL,
    width          BIGINT,
    height         BIGINT,
    content_sealed BYTEA    NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX uploads_by_account ON uploads(account_id);

-- The embedded civil registry: citizens by the keyed hash of their NID, sealed; the zone
-- (qark) in clear, for the officials' queues and exports.
CREATE TABLE registry_citizens (
    nid_hash      BYTEA PRIMARY KEY,
    record_sealed BYTEA NOT NULL,
    zone          TEXT NOT NULL
);
