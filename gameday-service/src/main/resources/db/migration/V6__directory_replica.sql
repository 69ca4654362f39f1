-- Local replica of the people in muster.directory.v1 (event-carried state): reports name people, and notices and
-- injects reach them, without calling directory-service. Channels are kept as the snapshot carried them (JSON).
CREATE TABLE contact_replica (
    contact_id   UUID PRIMARY KEY,
    display_name TEXT        NOT NULL,
    active       BOOLEAN     NOT NULL,
    roles        TEXT[]      NOT NULL,
    channels     TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
-- Who holds a role: the participants of a game day.
CREATE INDEX contact_replica_roles ON contact_replica USING GIN (roles);
