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
