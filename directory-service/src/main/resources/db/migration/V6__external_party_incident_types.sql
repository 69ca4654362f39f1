-- The incident types whose response must notify the party ('*' for every type): published with the party so that
-- escalation's response-team preview (and, later, deadline clocks) can name who must be told.
ALTER TABLE external_resource ADD COLUMN notify_for_incident_types TEXT[] NOT NULL DEFAULT '{}';
