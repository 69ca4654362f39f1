-- Timed messages to participants during a drill, kept with their scenario (always read and written together).
ALTER TABLE scenario ADD COLUMN injects JSONB NOT NULL DEFAULT '[]';

-- A scheduled game day: one scenario, when (once, cron or RRULE in a named zone), who takes part, how.
CREATE TABLE game_day (
    id                   UUID PRIMARY KEY,
    scenario_id          UUID        NOT NULL REFERENCES scenario (id),
    title                TEXT        NOT NULL,
    time_zone            TEXT        NOT NULL,
    starts_at_local      TIMESTAMP   NOT NULL,
    recurrence_kind      TEXT        NOT NULL CHECK (recurrence_kind IN ('ONCE', 'CRON', 'RRULE')),
    recurrence           TEXT,
    participant_team     TEXT,
    participant_roles    TEXT[]      NOT NULL,
    mode                 TEXT        NOT NULL CHECK (mode IN ('LIVE', 'SILENT')),
    notice_minutes       INT,
    time_limit_s         INT         NOT NULL CHECK (time_limit_s > 0),
    unavailable_contacts UUID[]      NOT NULL DEFAULT '{}',
    unavailable_roles    TEXT[]      NOT NULL DEFAULT '{}',
    down_channels        TEXT[]      NOT NULL DEFAULT '{}',
    created_at           TIMESTAMPTZ NOT NULL,
    cancelled_at         TIMESTAMPTZ
);

-- One occurrence of a game day. The row is the durable timer: due rows are claimed with FOR UPDATE SKIP LOCKED,
-- and the unique (game_day_id, due_at) pair keeps a recurrence from ever producing the same run twice.
CREATE TABLE game_day_run (
    id              UUID PRIMARY KEY,
    game_day_id     UUID        NOT NULL REFERENCES game_day (id),
    scenario_id     UUID        NOT NULL REFERENCES scenario (id),
    due_at          TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED')),
    incident_id     UUID UNIQUE,
    started_at      TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    end_reason      TEXT,
    readiness_score INT,
    UNIQUE (game_day_id, due_at)
);
CREATE INDEX game_day_run_due ON game_day_run (due_at) WHERE status = 'SCHEDULED';
CREATE INDEX game_day_run_running_deadline ON game_day_run (started_at) WHERE status = 'RUNNING';

-- Injects for the seeded scenarios, so a first game day has something to hand participants.
UPDATE scenario SET injects = '[{"atSeconds":300,"audience":"all","message":"The attacker posts a ransom note demanding 40 BTC within 48 hours."},{"atSeconds":600,"audience":"legal-counsel","message":"A journalist asks whether customer data was taken."}]'
 WHERE slug = 'ransomware-production-db';
UPDATE scenario SET injects = '[{"atSeconds":240,"audience":"security-analyst","message":"The same account just created a new access key in production."}]'
 WHERE slug = 'credential-compromise';
