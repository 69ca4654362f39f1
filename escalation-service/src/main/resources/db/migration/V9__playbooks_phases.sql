-- Playbooks: per incident type ('*' for every type without one of its own, as with response plans), ordered steps
-- grouped by incident phase, each owned by an IR role of the directory.
CREATE TABLE playbook (
    incident_type TEXT PRIMARY KEY CHECK (incident_type = '*' OR incident_type ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
    name          TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description   TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    updated_at    TIMESTAMPTZ NOT NULL,
    updated_by    TEXT        NOT NULL
);

-- ordinal orders the steps of one playbook: by phase first, then as the admin listed them within the phase.
CREATE TABLE playbook_step (
    incident_type TEXT NOT NULL REFERENCES playbook (incident_type) ON DELETE CASCADE,
    step_key      TEXT NOT NULL CHECK (step_key ~ '^[a-z][a-z0-9-]{1,62}$'),
    phase         TEXT NOT NULL
        CHECK (phase IN ('DETECT', 'ANALYZE', 'CONTAIN', 'ERADICATE', 'RECOVER', 'POST_INCIDENT')),
    ordinal       INT  NOT NULL,
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    detail        TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 4000),
    owner_role    TEXT NOT NULL,
    link          TEXT CHECK (link IS NULL OR (link LIKE 'https://%' AND length(link) <= 2000)),
    PRIMARY KEY (incident_type, step_key)
);

-- The phase an incident is in and since when. Incidents open in DETECT; resolved ones are in POST_INCIDENT.
ALTER TABLE incident ADD COLUMN phase TEXT NOT NULL DEFAULT 'DETECT'
    CHECK (phase IN ('DETECT', 'ANALYZE', 'CONTAIN', 'ERADICATE', 'RECOVER', 'POST_INCIDENT'));
ALTER TABLE incident ADD COLUMN phase_since TIMESTAMPTZ;
UPDATE incident SET phase = 'POST_INCIDENT', phase_since = coalesce(resolved_at, updated_at) WHERE status = 'RESOLVED';
UPDATE incident SET phase_since = created_at WHERE phase_since IS NULL;
ALTER TABLE incident ALTER COLUMN phase_since SET NOT NULL;

-- The playbook an incident got (its type's, or '*'), copied when it was raised or reclassified; null when none
-- applied. Later edits of the playbook do not change a running incident.
ALTER TABLE incident ADD COLUMN playbook_type TEXT;
CREATE TABLE incident_playbook_step (
    incident_id     UUID        NOT NULL REFERENCES incident (id),
    step_key        TEXT        NOT NULL,
    -- the incident type the incident had when the step was copied, and the playbook it came from
    incident_type   TEXT        NOT NULL,
    playbook_type   TEXT        NOT NULL,
    phase           TEXT        NOT NULL
        CHECK (phase IN ('DETECT', 'ANALYZE', 'CONTAIN', 'ERADICATE', 'RECOVER', 'POST_INCIDENT')),
    ordinal         INT         NOT NULL,
    title           TEXT        NOT NULL,
    detail          TEXT        NOT NULL DEFAULT '',
    owner_role      TEXT        NOT NULL,
    link            TEXT,
    done_at         TIMESTAMPTZ,
    done_by         TEXT,
    done_contact_id UUID,
    done_note       TEXT CHECK (done_note IS NULL OR length(done_note) <= 2000),
    PRIMARY KEY (incident_id, step_key)
);
