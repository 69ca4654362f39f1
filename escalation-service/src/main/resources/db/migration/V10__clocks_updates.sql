-- Deadline clocks for outside parties, stakeholder updates on a cadence, and the public-relations plan.

-- Events from before this migration are history: the clocks and cadences start with incidents opened from now on,
-- so replaying muster.incidents.v1 from the beginning does not remind anyone about long-closed incidents.
CREATE TABLE obligations_since (
    id    SMALLINT PRIMARY KEY CHECK (id = 1),
    since TIMESTAMPTZ NOT NULL
);
INSERT INTO obligations_since VALUES (1, now());

-- How often an open incident of the severity owes its stakeholders an update (NULL: no cadence).
ALTER TABLE severity_definition ADD COLUMN update_cadence_minutes INT
    CHECK (update_cadence_minutes BETWEEN 5 AND 1440);
UPDATE severity_definition SET update_cadence_minutes = 30 WHERE severity = 'CRITICAL';
UPDATE severity_definition SET update_cadence_minutes = 60 WHERE severity = 'HIGH';

-- One clock per incident and outside party whose notification deadline the incident's type starts. The row is its
-- own durable timer: next_reminder_at is claimed with FOR UPDATE SKIP LOCKED and moved on in the firing transaction.
CREATE TABLE deadline_clock (
    id                     UUID PRIMARY KEY,
    incident_id            UUID             NOT NULL REFERENCES incident (id),
    party_id               UUID             NOT NULL,
    party_kind             TEXT             NOT NULL,
    organisation           TEXT             NOT NULL,
    owning_role            TEXT,
    deadline_hours         INT              NOT NULL CHECK (deadline_hours > 0),
    incident_type          TEXT             NOT NULL,
    started_at             TIMESTAMPTZ      NOT NULL,
    due_at                 TIMESTAMPTZ      NOT NULL,
    drill                  BOOLEAN          NOT NULL,
    last_reminder_fraction DOUBLE PRECISION NOT NULL DEFAULT 0,
    reminders_sent         INT              NOT NULL DEFAULT 0,
    next_reminder_at       TIMESTAMPTZ,
    notified_at            TIMESTAMPTZ,
    notified_by            TEXT,
    notification_reference TEXT,
    recorded_at            TIMESTAMPTZ,
    UNIQUE (incident_id, party_id)
);
CREATE INDEX deadline_clock_reminder_due ON deadline_clock (next_reminder_at) WHERE next_reminder_at IS NOT NULL;

-- Updates given to stakeholders, numbered per incident.
CREATE TABLE stakeholder_update (
    id               UUID PRIMARY KEY,
    incident_id      UUID        NOT NULL REFERENCES incident (id),
    seq              INT         NOT NULL,
    audience         TEXT        NOT NULL CHECK (audience IN ('INTERNAL', 'EXTERNAL')),
    message          TEXT        NOT NULL,
    approved_by      TEXT,
    approved_by_role TEXT,
    given_by         TEXT        NOT NULL,
    given_at         TIMESTAMPTZ NOT NULL,
    pages_sent       INT         NOT NULL,
    UNIQUE (incident_id, seq)
);

-- When the next update of an open incident is due and when its reminder fires (claimed with SKIP LOCKED).
CREATE TABLE stakeholder_cadence (
    incident_id   UUID PRIMARY KEY REFERENCES incident (id),
    update_due_at TIMESTAMPTZ NOT NULL,
    remind_at     TIMESTAMPTZ NOT NULL,
    reminders     INT         NOT NULL DEFAULT 0
);
CREATE INDEX stakeholder_cadence_remind ON stakeholder_cadence (remind_at);

-- One public-relations plan per installation: who speaks, who approves a statement, guidance, a holding statement.
CREATE TABLE public_relations_plan (
    id                         SMALLINT PRIMARY KEY CHECK (id = 1),
    spokesperson_role          TEXT,
    approver_roles             TEXT        NOT NULL DEFAULT '[]',
    guidance                   TEXT        NOT NULL DEFAULT '',
    holding_statement_template TEXT        NOT NULL DEFAULT '',
    updated_at                 TIMESTAMPTZ NOT NULL,
    updated_by                 TEXT        NOT NULL
);
INSERT INTO public_relations_plan VALUES (1, 'communications-lead', '["legal-counsel","communications-lead"]',
    'Only the spokesperson speaks for the organisation. Every external statement is approved by legal counsel or the '
    || 'communications lead before it is published.', '', now(), 'migration');
