-- The incident response plan document: its editable text and review schedule (one row), the out-of-band channels
-- the team falls back to, and the published versions (snapshots as rendered for an admin when approved).

CREATE TABLE plan_document (
    id                   INT PRIMARY KEY CHECK (id = 1),
    overview             TEXT        NOT NULL DEFAULT '' CHECK (length(overview) <= 20000),
    review_interval_days INT         NOT NULL DEFAULT 180 CHECK (review_interval_days BETWEEN 1 AND 1095),
    review_due_on        DATE,
    updated_at           TIMESTAMPTZ NOT NULL,
    updated_by           TEXT
);
INSERT INTO plan_document (id, overview, review_interval_days, updated_at) VALUES (1, '', 180, now());

CREATE TABLE plan_backup_channel (
    id             UUID PRIMARY KEY,
    name           TEXT        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
    kind           TEXT        NOT NULL CHECK (kind IN ('SECURE_MESSAGING', 'PHONE_BRIDGE', 'SATELLITE_PHONE', 'OTHER')),
    how_to_join    TEXT        NOT NULL CHECK (length(how_to_join) BETWEEN 1 AND 2000),
    owner_role     TEXT        CHECK (length(owner_role) <= 80),
    last_tested_at TIMESTAMPTZ,
    last_tested_by TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE plan_document_version (
    version       INT PRIMARY KEY CHECK (version >= 1),
    markdown      TEXT        NOT NULL,
    html          TEXT        NOT NULL,
    approved_by   TEXT        NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    note          TEXT        CHECK (length(note) <= 2000),
    review_due_on DATE        NOT NULL
);
