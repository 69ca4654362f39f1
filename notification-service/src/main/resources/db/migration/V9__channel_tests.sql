-- Test pages the directory asks for on one contact channel (ChannelTestRequested): what became of each, for
-- GET /api/v1/channel-tests/{testId}. The test id is the key, so a redelivered request finds its row and sends
-- nothing new. The address stays on the attempt row only, as for verification codes.
CREATE TABLE channel_test (
    test_id      UUID PRIMARY KEY,
    contact_id   UUID        NOT NULL,
    channel_id   UUID        NOT NULL,
    channel_type TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    requested_by TEXT,
    requested_at TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ,
    error        TEXT
);
ALTER TABLE send_attempt ADD COLUMN channel_test_id UUID;
