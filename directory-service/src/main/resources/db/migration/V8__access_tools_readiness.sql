-- Access to pre-provision and tools to pre-deploy for each incident-response role (SEC10: ready before the day).
-- An item's key names the access or tool itself: two roles that need the same thing use the same key, and one
-- check by a person covers both.
CREATE TABLE preparedness_item (
    role_key     TEXT        NOT NULL REFERENCES ir_role (role_key),
    item_key     TEXT        NOT NULL CHECK (item_key ~ '^[a-z][a-z0-9-]{1,62}$'),
    kind         TEXT        NOT NULL CHECK (kind IN ('ACCESS', 'TOOL')),
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description  TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    how_to_get   TEXT        NOT NULL DEFAULT '' CHECK (length(how_to_get) <= 4000),
    recheck_days INT         NOT NULL CHECK (recheck_days BETWEEN 1 AND 3650),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (role_key, item_key)
);
CREATE INDEX preparedness_item_key_idx ON preparedness_item (item_key);

-- Whether a person has an item in place, as last checked (by the person themself or an admin).
CREATE TABLE person_preparedness (
    person_id  UUID        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    item_key   TEXT        NOT NULL,
    in_place   BOOLEAN     NOT NULL,
    note       TEXT CHECK (note IS NULL OR length(note) <= 1000),
    checked_at TIMESTAMPTZ NOT NULL,
    checked_by TEXT        NOT NULL,
    PRIMARY KEY (person_id, item_key)
);

-- Local copies of what other services publish and readiness reports on (event-carried state; never their tables).
CREATE TABLE action_item_replica (
    action_item_id   UUID PRIMARY KEY,
    source           TEXT        NOT NULL,
    source_id        UUID,
    source_title     TEXT,
    title            TEXT        NOT NULL,
    owner_contact_id UUID,
    due_on           DATE,
    status           TEXT        NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE plan_document_replica (
    plan_key          TEXT PRIMARY KEY,
    published_version INT,
    published_at      TIMESTAMPTZ,
    approved_by       TEXT,
    review_due_on     DATE,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- The findings last published as a ReadinessSnapshot: one row, locked while a replica compares and publishes, so
-- the same findings are never published twice.
CREATE TABLE readiness_publication (
    id           SMALLINT PRIMARY KEY CHECK (id = 1),
    fingerprint  TEXT,
    published_at TIMESTAMPTZ
);
INSERT INTO readiness_publication (id) VALUES (1);
