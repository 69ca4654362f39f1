-- Drill fault injection (game days): unavailable contacts and roles, channels that are down. JSON, as the
-- request gave it; NULL for every incident without faults. Only drills carry faults.
ALTER TABLE incident ADD COLUMN drill_faults TEXT;
ALTER TABLE incident ADD CONSTRAINT incident_faults_only_for_drills CHECK (drill_faults IS NULL OR drill);
