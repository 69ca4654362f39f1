-- Silent drills (tabletop game days): escalation runs and pages are recorded, but nothing is sent.
ALTER TABLE incident ADD COLUMN silent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE incident ADD CONSTRAINT incident_silent_only_for_drills CHECK (NOT silent OR drill);
