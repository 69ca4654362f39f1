-- One row per requested page: what escalation asked for and where its delivery stands.
CREATE TABLE page_delivery (
    page_id      UUID PRIMARY KEY,
    incident_id  UUID        NOT NULL,
    contact_id   UUID        NOT NULL,
    role_key     TEXT,
    stage        INT         NOT NULL,
    cycle        INT         NOT NULL,
    severity     TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    drill        BOOLEAN     NOT NULL,
    silent       BOOLEAN     NOT NULL,
    notify_only  BOOLEAN     NOT NULL,
    status       TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX page_delivery_incident ON page_delivery (incident_id);
CREATE INDEX page_delivery_contact ON page_delivery (contact_id, requested_at);

-- Transactional outbox: rows commit with the change they announce; the relay publishes and deletes them.
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
