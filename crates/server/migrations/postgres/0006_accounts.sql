-- Accounts (issue 15, second part): password resets and the sessions' idle timeout.

-- A password reset: one code to the account's phone AND one to its e-mail (both in the
-- outbox in the transaction that stores this row), 5 tries for the pair, 10 minutes.
CREATE TABLE password_resets (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      BYTEA   NOT NULL UNIQUE,
    account_id      BIGINT  NOT NULL REFERENCES accounts(id),
    phone_code_hash BYTEA   NOT NULL,
    email_code_hash BYTEA   NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    used            BIGINT  NOT NULL DEFAULT 0,
    created_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL
);
CREATE INDEX password_resets_by_account ON password_resets(account_id, created_at);

-- When the session was last used: it ends after the idle timeout (30 minutes by default).
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;
