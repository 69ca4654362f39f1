-- Notification keeps no state an admin changes today; the table is here so its audit endpoint answers as every
-- other service's does, and is ready for the first such change.
-- The same table as every Muster service's, written by the platform's AuditTrail in the change's transaction.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    before_json JSONB,
    after_json  JSONB
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id);
