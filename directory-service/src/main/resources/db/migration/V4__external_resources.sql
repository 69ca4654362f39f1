-- Outside parties that help in an incident (SEC10-BP01): vendors, cloud support, MSSPs, law enforcement, regulators.
CREATE TABLE external_resource (
    id                          UUID PRIMARY KEY,
    kind                        TEXT        NOT NULL CHECK (kind IN ('VENDOR', 'CLOUD_SUPPORT', 'MSSP',
                                                                     'LAW_ENFORCEMENT', 'REGULATOR')),
    organisation                TEXT        NOT NULL CHECK (length(organisation) BETWEEN 1 AND 160),
    service_type                TEXT,
    contract_number             TEXT,
    support_level               TEXT,
    primary_name                TEXT        NOT NULL,
    primary_email               TEXT,
    primary_phone               TEXT,
    escalation_name             TEXT,
    escalation_email            TEXT,
    escalation_phone            TEXT,
    availability                TEXT,
    response_sla_minutes        INT CHECK (response_sla_minutes BETWEEN 1 AND 100000),
    expertise                   TEXT[]      NOT NULL DEFAULT '{}',
    notification_deadline_hours INT CHECK (notification_deadline_hours BETWEEN 1 AND 8760),
    owning_role_key             TEXT REFERENCES ir_role (role_key),
    contact_verified_at         TIMESTAMPTZ,
    review_due_on               DATE,
    created_at                  TIMESTAMPTZ NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL,
    -- A regulator without a deadline and an owner is a notification nobody will make in time.
    CHECK (kind <> 'REGULATOR' OR (notification_deadline_hours IS NOT NULL AND owning_role_key IS NOT NULL))
);
