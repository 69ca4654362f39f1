-- Escalation policies: ordered stages (JSON list of targets + timeout), repeated `repeats` more times after the
-- last stage, plus notify-only stakeholders paged once when the incident opens.
CREATE TABLE escalation_policy (
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
    repeats      INT         NOT NULL CHECK (repeats BETWEEN 0 AND 10),
    stages       TEXT        NOT NULL,
    stakeholders TEXT        NOT NULL DEFAULT '[]',
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Response plans: incident type x severity -> policy and roles engaged from the first stage. Type '*' is the
-- fallback for types without a plan of their own.
CREATE TABLE response_plan (
    id              UUID PRIMARY KEY,
    incident_type   TEXT        NOT NULL,
    severity        TEXT        NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    policy_id       UUID        NOT NULL REFERENCES escalation_policy (id),
    roles_to_engage TEXT        NOT NULL DEFAULT '[]',
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (incident_type, severity)
);

ALTER TABLE incident
    ADD COLUMN plan_id          UUID,
    ADD COLUMN policy_id        UUID,
    ADD COLUMN current_stage    INT  NOT NULL DEFAULT 0,
    ADD COLUMN current_cycle    INT  NOT NULL DEFAULT 0,
    ADD COLUMN escalation_state TEXT NOT NULL DEFAULT 'NONE'
        CHECK (escalation_state IN ('NONE', 'ACTIVE', 'STOPPED', 'EXHAUSTED')),
    ADD COLUMN acknowledged_at  TIMESTAMPTZ,
    ADD COLUMN acknowledged_by  TEXT,
    ADD COLUMN resolved_at      TIMESTAMPTZ,
    ADD COLUMN resolved_by      TEXT;
CREATE INDEX incident_status ON incident (status, created_at DESC);

-- One row per page requested: who, for which stage and cycle. The unique key is what makes a replayed stage
-- start (after a crash) unable to page the same person twice.
CREATE TABLE engagement (
    page_id      UUID PRIMARY KEY,
    incident_id  UUID        NOT NULL REFERENCES incident (id),
    contact_id   UUID        NOT NULL,
    role_key     TEXT,
    stage        INT         NOT NULL,
    cycle        INT         NOT NULL,
    notify_only  BOOLEAN     NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'FAILED', 'ACKNOWLEDGED')),
    requested_at TIMESTAMPTZ NOT NULL,
    UNIQUE (incident_id, contact_id, stage, cycle, notify_only)
);

-- Durable stage timers. A poller claims due rows with FOR UPDATE SKIP LOCKED and deletes them in the transaction
-- that moves the incident on, so each fires once across replicas and survives restarts.
CREATE TABLE escalation_timer (
    id          UUID PRIMARY KEY,
    incident_id UUID        NOT NULL REFERENCES incident (id),
    stage       INT         NOT NULL,
    cycle       INT         NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (incident_id, stage, cycle)
);
CREATE INDEX escalation_timer_due ON escalation_timer (due_at);

-- Everything that happened to an incident, in order.
CREATE TABLE timeline_entry (
    id          BIGSERIAL PRIMARY KEY,
    incident_id UUID        NOT NULL REFERENCES incident (id),
    at          TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    detail      TEXT        NOT NULL
);
CREATE INDEX timeline_entry_incident ON timeline_entry (incident_id, id);

-- Keys that calling systems (PagerDuty-style senders, Alertmanager) put in the URL or body instead of a token.
CREATE TABLE integration_key (
    integration_key TEXT PRIMARY KEY CHECK (length(integration_key) = 32),
    name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    incident_type   TEXT        NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Default plans, the seed's rule: escalation levels 1-2 always, level 3 for high and critical, level 4 for
-- critical only. A "level" target pages the active contacts whose escalationLevel is that level.
INSERT INTO escalation_policy (id, name, repeats, stages, updated_at) VALUES
 ('00000000-0000-0000-0000-000000000012', 'default-levels-1-2', 1,
  '[{"levels":[1],"timeoutSeconds":300},{"levels":[2],"timeoutSeconds":300}]', now()),
 ('00000000-0000-0000-0000-000000000013', 'default-levels-1-3', 1,
  '[{"levels":[1],"timeoutSeconds":300},{"levels":[2],"timeoutSeconds":300},{"levels":[3],"timeoutSeconds":300}]', now()),
 ('00000000-0000-0000-0000-000000000014', 'default-levels-1-4', 1,
  '[{"levels":[1],"timeoutSeconds":300},{"levels":[2],"timeoutSeconds":300},{"levels":[3],"timeoutSeconds":300},{"levels":[4],"timeoutSeconds":300}]', now());
INSERT INTO response_plan (id, incident_type, severity, policy_id, updated_at) VALUES
 ('00000000-0000-0000-0000-000000000101', '*', 'LOW',      '00000000-0000-0000-0000-000000000012', now()),
 ('00000000-0000-0000-0000-000000000102', '*', 'MEDIUM',   '00000000-0000-0000-0000-000000000012', now()),
 ('00000000-0000-0000-0000-000000000103', '*', 'HIGH',     '00000000-0000-0000-0000-000000000013', now()),
 ('00000000-0000-0000-0000-000000000104', '*', 'CRITICAL', '00000000-0000-0000-0000-000000000014', now());
