-- Wrong codes per destination across all its codes (NIST SP 800-63B 5.2.2: at most 100
-- in a row), so that new sign-ups and re-sends do not bring fresh tries without end.
CREATE TABLE code_failures (
    destination TEXT    NOT NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX code_failures_by_destination ON code_failures(destination, at);
