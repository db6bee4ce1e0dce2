-- The outbox takes a third kind of message, `notice` (a password changed or reset: ASVS
-- 2.2.3), and is indexed by channel and time for the service's SMS budget (messages to
-- phones in the last hour and day).
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('code', 'decision', 'notice'));
CREATE INDEX outbox_by_channel_time ON outbox(channel, created_at);
