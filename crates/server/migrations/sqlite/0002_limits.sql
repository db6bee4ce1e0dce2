-- At most one open (not rejected) request per account, whatever the race.
CREATE UNIQUE INDEX one_open_request ON requests(account_id) WHERE status <> 'rejected';

-- Failed sign-ins, keyed by an HMAC of the login (never the login itself), for throttling.
CREATE TABLE login_failures (
    login_hash BLOB    NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX login_failures_by_login ON login_failures(login_hash, at);
