-- Escalation by role: severities as data, required roles per plan, engagement per role, role-based default plans.

CREATE TABLE severity_definition (
    severity             TEXT PRIMARY KEY CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    name                 TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    criteria             TEXT        NOT NULL CHECK (length(criteria) BETWEEN 1 AND 2000),
    ack_target_seconds   INT         NOT NULL CHECK (ack_target_seconds BETWEEN 10 AND 86400),
    all_channels_at_once BOOLEAN     NOT NULL,
    bundling_exempt      BOOLEAN     NOT NULL,
    stakeholder_roles    TEXT        NOT NULL DEFAULT '[]',
    updated_at           TIMESTAMPTZ NOT NULL
);
INSERT INTO severity_definition VALUES
 ('CRITICAL', 'Critical',
  'Confirmed compromise or an attack in progress with business impact: ransomware, data exfiltration, a breach of '
  || 'personal data, an outage of a critical service caused by an attacker.', 300, TRUE, TRUE, '[]', now()),
 ('HIGH', 'High',
  'Likely compromise of a production system or account, or an active attack that is contained but not yet '
  || 'understood.', 900, FALSE, FALSE, '[]', now()),
 ('MEDIUM', 'Medium',
  'Suspicious activity that needs analysis the same day; no confirmed impact.', 1800, FALSE, FALSE, '[]', now()),
 ('LOW', 'Low',
  'A policy violation or weak signal to look at in working hours.', 3600, FALSE, FALSE, '[]', now());

ALTER TABLE response_plan ADD COLUMN required_roles TEXT NOT NULL DEFAULT '[]';

-- One row per role paged for an incident: how far its own escalation path has gone and who engaged it.
CREATE TABLE role_engagement (
    incident_id     UUID        NOT NULL REFERENCES incident (id),
    role_key        TEXT        NOT NULL,
    required        BOOLEAN     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PAGED', 'ENGAGED', 'EXHAUSTED', 'UNREACHABLE')),
    step            INT         NOT NULL DEFAULT 0,
    cycle           INT         NOT NULL DEFAULT 0,
    first_paged_at  TIMESTAMPTZ,
    engaged_contact UUID,
    engaged_by      TEXT,
    engaged_at      TIMESTAMPTZ,
    PRIMARY KEY (incident_id, role_key)
);

ALTER TABLE incident ADD COLUMN engaged_at TIMESTAMPTZ;
ALTER TABLE incident ADD COLUMN required_roles TEXT NOT NULL DEFAULT '[]';

-- A page sent on a role's own path (track = the role) rather than by entering a stage (track empty).
ALTER TABLE engagement ADD COLUMN track TEXT NOT NULL DEFAULT '';
ALTER TABLE engagement DROP CONSTRAINT engagement_incident_id_contact_id_stage_cycle_notify_only_key;
CREATE UNIQUE INDEX engagement_once ON engagement (incident_id, contact_id, track, stage, cycle, notify_only);
CREATE INDEX engagement_incident ON engagement (incident_id, contact_id);

-- A role's timer has track = the role; a stage's timer has track ''.
ALTER TABLE escalation_timer ADD COLUMN track TEXT NOT NULL DEFAULT '';
ALTER TABLE escalation_timer DROP CONSTRAINT escalation_timer_incident_id_stage_cycle_key;
CREATE UNIQUE INDEX escalation_timer_once ON escalation_timer (incident_id, track, stage, cycle);

-- What notification last said about each page on each channel, for the responders view.
CREATE TABLE page_channel_status (
    page_id    UUID        NOT NULL,
    channel    TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    attempt    INT         NOT NULL,
    detail     TEXT        NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (page_id, channel)
);

-- Role-based default plans. A stage without timeoutSeconds waits the severity's ack target. Their stakeholders
-- live in the policies, not in the severity definitions, so that plans an admin wrote keep paging exactly whom
-- they paged before this migration.
INSERT INTO escalation_policy (id, name, repeats, stages, stakeholders, updated_at) VALUES
 ('00000000-0000-0000-0000-000000000021', 'default-critical-by-role', 1,
  '[{"roles":["incident-commander","security-analyst"]},{"roles":["incident-manager"]}]',
  '{"roles":["technical-lead"],"contacts":[]}', now()),
 ('00000000-0000-0000-0000-000000000022', 'default-high-by-role', 1,
  '[{"roles":["incident-commander","security-analyst"]},{"roles":["incident-manager"]}]',
  '{"roles":["communications-lead"],"contacts":[]}', now()),
 ('00000000-0000-0000-0000-000000000023', 'default-medium-by-role', 1,
  '[{"roles":["security-analyst"]},{"roles":["incident-commander"]}]', '{"roles":[],"contacts":[]}', now()),
 ('00000000-0000-0000-0000-000000000024', 'default-low-by-role', 0,
  '[{"roles":["security-analyst"]},{"roles":["incident-commander"]}]', '{"roles":[],"contacts":[]}', now());

-- The catch-all plans move to them, unless an admin already pointed them elsewhere.
UPDATE response_plan SET policy_id = '00000000-0000-0000-0000-000000000021',
    required_roles = '["incident-commander","security-analyst","communications-lead","legal-counsel"]', updated_at = now()
 WHERE id = '00000000-0000-0000-0000-000000000104' AND policy_id = '00000000-0000-0000-0000-000000000014';
UPDATE response_plan SET policy_id = '00000000-0000-0000-0000-000000000022',
    required_roles = '["incident-commander","security-analyst"]', updated_at = now()
 WHERE id = '00000000-0000-0000-0000-000000000103' AND policy_id = '00000000-0000-0000-0000-000000000013';
UPDATE response_plan SET policy_id = '00000000-0000-0000-0000-000000000023',
    required_roles = '["security-analyst"]', updated_at = now()
 WHERE id = '00000000-0000-0000-0000-000000000102' AND policy_id = '00000000-0000-0000-0000-000000000012';
UPDATE response_plan SET policy_id = '00000000-0000-0000-0000-000000000024',
    required_roles = '["security-analyst"]', updated_at = now()
 WHERE id = '00000000-0000-0000-0000-000000000101' AND policy_id = '00000000-0000-0000-0000-000000000012';

-- How and when each page was answered, for the responders view.
ALTER TABLE engagement ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE engagement ADD COLUMN ack_method TEXT;
