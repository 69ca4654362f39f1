-- Which AWS Incident Manager incident record mirrors a Muster incident (only when mirroring is configured).
CREATE TABLE aws_incident_record (
    incident_id UUID PRIMARY KEY REFERENCES incident (id),
    record_arn  TEXT NOT NULL
);
