-- Who is paged for a role after every holder of it (SEC10: escalation aligned to roles). Null for nobody.
-- Deleting a person clears it through the service first (audited, roster republished); the database rule only
-- keeps the reference from dangling.
ALTER TABLE ir_role ADD COLUMN escalation_contact_id UUID REFERENCES person (id) ON DELETE SET NULL;
