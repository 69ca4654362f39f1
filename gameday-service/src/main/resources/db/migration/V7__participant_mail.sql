-- Email to participants: a notice before each run, and the scenario's injects during it. One row per message and
-- person; the unique message key (kind, run, inject, person) is what makes each go out once across restarts and
-- replicas. PENDING rows are claimed with FOR UPDATE SKIP LOCKED and sent while the row is locked.
CREATE TABLE participant_mail (
    id             UUID PRIMARY KEY,
    message_key    TEXT        NOT NULL UNIQUE,
    run_id         UUID        NOT NULL REFERENCES game_day_run (id),
    kind           TEXT        NOT NULL CHECK (kind IN ('NOTICE', 'INJECT')),
    inject_index   INT,
    audience       TEXT,
    inject_message TEXT,
    contact_id     UUID        NOT NULL,
    address        TEXT,
    subject        TEXT        NOT NULL,
    body           TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED', 'NO_ADDRESS')),
    attempts       INT         NOT NULL DEFAULT 0,
    due_at         TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    sent_at        TIMESTAMPTZ,
    last_error     TEXT,
    CHECK ((kind = 'INJECT') = (inject_index IS NOT NULL))
);
CREATE INDEX participant_mail_due ON participant_mail (due_at) WHERE state = 'PENDING';
CREATE INDEX participant_mail_run ON participant_mail (run_id);

-- When the notices of a run were written out (null: not yet); the run row is their durable timer.
ALTER TABLE game_day_run ADD COLUMN notices_planned_at TIMESTAMPTZ;
