-- Who raised an incident, so a calling system acknowledges and resolves only its own ('token:<subject>' or
-- 'key:<fingerprint>'); incidents raised before this column compare created_by instead. And which directory person
-- took an incident, whatever way they acknowledged.
ALTER TABLE incident ADD COLUMN raised_by TEXT;
ALTER TABLE incident ADD COLUMN acknowledged_contact_id UUID;
