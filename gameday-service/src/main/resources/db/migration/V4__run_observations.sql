-- Everything a run's scorecard is computed from: drill incident lifecycle (already recorded), the pages escalation
-- asked for (they carry the role and stage), per-channel delivery changes and acknowledgements. One row per event.
ALTER TABLE drill_observation
    ADD COLUMN page_id    UUID,
    ADD COLUMN contact_id UUID,
    ADD COLUMN role_key   TEXT,
    ADD COLUMN stage      INT,
    ADD COLUMN to_stage   INT,
    ADD COLUMN channel    TEXT,
    ADD COLUMN status     TEXT,
    ADD COLUMN attempt    INT,
    ADD COLUMN method     TEXT,
    ADD COLUMN detail     TEXT,
    ADD COLUMN notify_only BOOLEAN NOT NULL DEFAULT false;
