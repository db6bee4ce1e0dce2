-- The liveness check (issue 13): each challenge's outcome (NULL until a burst is checked:
-- 'passed' or the refusal's code), the assisted route chosen when the camera cannot be
-- used or the check failed three times, and the route each request took.
ALTER TABLE face_challenges ADD COLUMN outcome TEXT;
CREATE TABLE face_assisted (
    account_id BIGINT PRIMARY KEY REFERENCES accounts(id),
    reason     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
ALTER TABLE requests ADD COLUMN face_route TEXT NOT NULL DEFAULT 'live';
