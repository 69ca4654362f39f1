-- Incidents raised by other systems, people and game days.
CREATE TABLE incident (
    id            UUID PRIMARY KEY,
    title         TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary       TEXT        NOT NULL DEFAULT '',
    severity      TEXT        NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    incident_type TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    dedup_key     TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED')),
    drill         BOOLEAN     NOT NULL DEFAULT FALSE,
    trigger_count INT         NOT NULL DEFAULT 1,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
-- At most one open incident per dedup key: a repeated trigger adds to it instead of opening another.
CREATE UNIQUE INDEX incident_open_dedup ON incident (dedup_key) WHERE status <> 'RESOLVED';
CREATE INDEX incident_created ON incident (created_at DESC);

-- Replica of muster.directory.v1, one row per entity key (contact:, role:, rotation:), last snapshot wins.
CREATE TABLE directory_replica (
    entity_key TEXT PRIMARY KEY,
    event_type TEXT        NOT NULL,
    snapshot   TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
