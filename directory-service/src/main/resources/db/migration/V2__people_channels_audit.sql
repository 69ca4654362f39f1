-- Key personnel (SEC10-BP01): who responds, in which roles, and how urgently they are engaged.
CREATE TABLE person (
    id                UUID PRIMARY KEY,
    display_name      TEXT        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    department        TEXT,
    manager_id        UUID REFERENCES person (id) ON DELETE SET NULL,
    time_zone         TEXT        NOT NULL,
    skills            TEXT[]      NOT NULL DEFAULT '{}',
    certifications    TEXT[]      NOT NULL DEFAULT '{}',
    roles             TEXT[]      NOT NULL DEFAULT '{}',
    escalation_level  INT         NOT NULL CHECK (escalation_level BETWEEN 1 AND 4),
    backup_contact_id UUID REFERENCES person (id) ON DELETE SET NULL,
    availability      TEXT,
    last_reviewed_at  TIMESTAMPTZ,
    last_reviewed_by  TEXT,
    active            BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX person_roles_idx ON person USING GIN (roles);
CREATE INDEX person_skills_idx ON person USING GIN (skills);
CREATE INDEX person_name_idx ON person (lower(display_name));

-- Teams group people; rotations are kept per team and role.
CREATE TABLE team (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
    description TEXT        NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE team_member (
    team_id   UUID NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_member_person_idx ON team_member (person_id);

-- Ways to reach a person. Only verified channels may be paged.
CREATE TABLE contact_channel (
    id          UUID PRIMARY KEY,
    person_id   UUID        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    type        TEXT        NOT NULL CHECK (type IN ('EMAIL', 'SMS', 'VOICE', 'WEBHOOK')),
    address     TEXT        NOT NULL CHECK (length(address) BETWEEN 1 AND 2048),
    preference  INT         NOT NULL CHECK (preference BETWEEN 1 AND 99),
    verified_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (person_id, type, address)
);

-- One-time codes sent to a channel; only a salted hash of the code is kept.
CREATE TABLE channel_verification (
    id           UUID PRIMARY KEY,
    channel_id   UUID        NOT NULL REFERENCES contact_channel (id) ON DELETE CASCADE,
    code_salt    TEXT        NOT NULL,
    code_hash    TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    attempts     INT         NOT NULL DEFAULT 0,
    max_attempts INT         NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'EXPIRED', 'LOCKED', 'SUPERSEDED')),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX channel_verification_channel_idx ON channel_verification (channel_id, created_at DESC);

-- Every change to the directory: who, when, what it looked like before and after.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    before_json JSONB,
    after_json  JSONB
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id);
