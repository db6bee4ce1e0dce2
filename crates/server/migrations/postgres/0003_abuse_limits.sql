-- Wrong codes per destination across all its codes (NIST SP 800-63B 5.2.2: at most 100
-- in a row), so that new sign-ups and re-sends do not bring fresh tries without end.
CREATE TABLE code_failures (
    destination TEXT    NOT NULL,
    at          BIGINT  NOT NULL
);
CREATE INDEX code_failures_by_destination ON code_failures(destination, at);

-- Sign-ups per origin (a keyed hash of the client's address, and of its network: IPv4 /24,
-- IPv6 /48), never the address itself: one address or network cannot start sign-ups (and
-- their SMS) without end.
CREATE TABLE signup_origins (
    origin_hash BYTEA   NOT NULL,
    at          BIGINT  NOT NULL
);
CREATE INDEX signup_origins_by_hash ON signup_origins(origin_hash, at);
