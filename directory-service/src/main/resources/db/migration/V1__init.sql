-- Incident-response roles catalog (SEC10-BP01).
CREATE TABLE ir_role (
    role_key                 TEXT PRIMARY KEY CHECK (role_key ~ '^[a-z][a-z0-9-]{1,62}$'),
    name                     TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    responsibilities         TEXT        NOT NULL DEFAULT '',
    required_skills          TEXT[]      NOT NULL DEFAULT '{}',
    default_escalation_level INT         NOT NULL CHECK (default_escalation_level BETWEEN 1 AND 4),
    notification_priority    INT         NOT NULL CHECK (notification_priority BETWEEN 1 AND 5),
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);
