-- Post-incident reviews (SEC10: lessons learned) for game day runs and real incidents alike: one review model.
-- A run's review is opened when its lessons are first recorded; an incident's when the incident is resolved.
CREATE TABLE review (
    id              UUID PRIMARY KEY,
    source          TEXT        NOT NULL CHECK (source IN ('GAME_DAY_RUN', 'INCIDENT')),
    run_id          UUID UNIQUE REFERENCES game_day_run (id),
    incident_id     UUID UNIQUE,
    title           TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
    went_well       TEXT[]      NOT NULL,
    did_not_go_well TEXT[]      NOT NULL,
    root_causes     TEXT[]      NOT NULL,
    opened_at       TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ,
    updated_by      TEXT,
    completed_at    TIMESTAMPTZ,
    completed_by    TEXT,
    CHECK ((source = 'GAME_DAY_RUN') = (run_id IS NOT NULL)),
    CHECK ((source = 'INCIDENT') = (incident_id IS NOT NULL))
);
CREATE INDEX review_opened_idx ON review (opened_at DESC, id);

-- The lessons recorded so far become the reviews of their runs.
INSERT INTO review (id, source, run_id, title, status, went_well, did_not_go_well, root_causes, opened_at,
                    updated_at, updated_by)
SELECT gen_random_uuid(), 'GAME_DAY_RUN', l.run_id, g.title, 'OPEN', l.went_well, l.did_not_go_well, '{}',
       l.updated_at, l.updated_at, l.updated_by
FROM run_lessons l JOIN game_day_run r ON r.id = l.run_id JOIN game_day g ON g.id = r.game_day_id;

-- Action items belong to a review; the owner is a directory person (owner_contact_id); the free-text owner of items
-- written before is kept as a note. Status replaces the done flag; last_reminded_on makes the overdue reminder
-- once a day per item (claimed with FOR UPDATE SKIP LOCKED).
ALTER TABLE action_item ADD COLUMN review_id UUID REFERENCES review (id);
UPDATE action_item a SET review_id = r.id FROM review r WHERE r.run_id = a.run_id;
ALTER TABLE action_item ALTER COLUMN review_id SET NOT NULL;
ALTER TABLE action_item DROP COLUMN run_id;
ALTER TABLE action_item ADD CONSTRAINT action_item_review_position UNIQUE (review_id, position)
    DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE action_item ALTER COLUMN owner DROP NOT NULL;
ALTER TABLE action_item ADD COLUMN owner_contact_id UUID;
ALTER TABLE action_item ADD COLUMN status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE'));
UPDATE action_item SET status = CASE WHEN done THEN 'DONE' ELSE 'OPEN' END;
ALTER TABLE action_item ALTER COLUMN status DROP DEFAULT;
DROP INDEX action_item_open;
ALTER TABLE action_item DROP COLUMN done;
ALTER TABLE action_item ADD COLUMN created_at TIMESTAMPTZ;
ALTER TABLE action_item ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE action_item ADD COLUMN done_at TIMESTAMPTZ;
ALTER TABLE action_item ADD COLUMN last_reminded_on DATE;
ALTER TABLE action_item ADD COLUMN reminders_sent INT NOT NULL DEFAULT 0;
CREATE INDEX action_item_open ON action_item (due_date) WHERE status = 'OPEN';
DROP TABLE run_lessons;

-- What this service learns of real (non-drill) incidents from muster.incidents.v1, so a review can name the incident
-- and summarise its timeline without calling escalation-service.
CREATE TABLE incident_record (
    incident_id   UUID PRIMARY KEY,
    title         TEXT,
    incident_type TEXT,
    severity      TEXT,
    triggered_at  TIMESTAMPTZ,
    resolved_at   TIMESTAMPTZ,
    resolved_by   TEXT
);
CREATE TABLE incident_timeline_entry (
    event_id    UUID PRIMARY KEY,
    incident_id UUID        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    detail      TEXT
);
CREATE INDEX incident_timeline_entry_idx ON incident_timeline_entry (incident_id, occurred_at);
