-- Guessing ack codes by SMS is limited per phone number: too many wrong codes within a window lock that number's
-- SMS acks for a while. Kept here rather than in memory so that a restart or another replica honours a lockout.
-- One row per number that ever answered a page; replies from one number take its row lock, so replicas count
-- them one at a time.
CREATE TABLE sms_reply_guard (
    phone        TEXT PRIMARY KEY,
    locked_until TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Each wrong code, for the sliding window; rows older than the window are removed when the number answers again.
CREATE TABLE sms_wrong_code (
    id          UUID PRIMARY KEY,
    phone       TEXT        NOT NULL REFERENCES sms_reply_guard (phone),
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sms_wrong_code_phone ON sms_wrong_code (phone, received_at);
