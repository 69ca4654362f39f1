-- Shared by every Muster service (platform module), applied before the service's own migrations.

-- Transactional outbox: rows commit with the change they announce; the relay publishes and deletes them.
-- A null payload is a tombstone for record_key on a compacted topic.
CREATE TABLE outbox (
    id         BIGSERIAL PRIMARY KEY,
    event_id   UUID        NOT NULL UNIQUE,
    topic      TEXT        NOT NULL,
    record_key TEXT        NOT NULL,
    event_type TEXT        NOT NULL,
    payload    TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Events already handled by each consumer, written in the handling transaction.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
