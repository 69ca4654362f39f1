-- On-call rotations per team and role: members take turns; hand-offs at a local wall-clock time.
CREATE TABLE rotation (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    team_id       UUID        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    role_key      TEXT        NOT NULL REFERENCES ir_role (role_key),
    time_zone     TEXT        NOT NULL,
    handoff_start TIMESTAMP   NOT NULL,
    shift_unit    TEXT        NOT NULL CHECK (shift_unit IN ('HOURS', 'DAYS', 'WEEKS')),
    shift_length  INT         NOT NULL CHECK (shift_length BETWEEN 1 AND 1000),
    members       UUID[]      NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX rotation_team_role_idx ON rotation (team_id, role_key);

-- Someone covering a rotation for a while; wins over the member on shift.
CREATE TABLE rotation_override (
    id          UUID PRIMARY KEY,
    rotation_id UUID        NOT NULL REFERENCES rotation (id) ON DELETE CASCADE,
    contact_id  UUID        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX rotation_override_rotation_idx ON rotation_override (rotation_id, starts_at);
