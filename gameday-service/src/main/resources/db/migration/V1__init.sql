-- Threat scenarios game days are run from.
CREATE TABLE scenario (
    id                  UUID PRIMARY KEY,
    slug                TEXT        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    name                TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description         TEXT        NOT NULL,
    incident_type       TEXT        NOT NULL,
    severity            TEXT        NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    expected_roles      TEXT[]      NOT NULL,
    target_first_ack_s  INT         NOT NULL CHECK (target_first_ack_s > 0),
    target_all_roles_s  INT         NOT NULL CHECK (target_all_roles_s > 0),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What the service has seen of drill incidents on muster.incidents.v1, in arrival order.
CREATE TABLE drill_observation (
    event_id    UUID PRIMARY KEY,
    incident_id UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX drill_observation_incident ON drill_observation (incident_id, occurred_at);
