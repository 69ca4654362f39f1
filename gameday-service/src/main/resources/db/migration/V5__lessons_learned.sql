-- What a team learned from a run (SEC10: feed lessons back), written after the run; one row per run.
CREATE TABLE run_lessons (
    run_id          UUID PRIMARY KEY REFERENCES game_day_run (id),
    went_well       TEXT[]      NOT NULL,
    did_not_go_well TEXT[]      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT        NOT NULL
);

-- Follow-ups from a run, listed across runs until done.
CREATE TABLE action_item (
    id         UUID PRIMARY KEY,
    run_id     UUID        NOT NULL REFERENCES game_day_run (id),
    position   INT         NOT NULL,
    title      TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    owner      TEXT        NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
    due_date   DATE        NOT NULL,
    done       BOOLEAN     NOT NULL,
    UNIQUE (run_id, position)
);
CREATE INDEX action_item_open ON action_item (due_date) WHERE NOT done;
