-- The threat scenarios every organisation starts with (SEC10: game days for different threats).
INSERT INTO scenario (id, slug, name, description, incident_type, severity, expected_roles, target_first_ack_s, target_all_roles_s) VALUES
('5f0c6f1e-0001-4c1a-9d1e-000000000001', 'credential-compromise', 'Credential compromise',
 'An administrator''s SSO credentials are used from an unfamiliar country while the admin is on leave. Contain the account, find what it touched, decide on notification.',
 'credential-compromise', 'HIGH', '{incident-commander,security-analyst,technical-lead}', 300, 900),
('5f0c6f1e-0002-4c1a-9d1e-000000000002', 'ransomware-production-db', 'Ransomware on a production database',
 'Files on the primary customer database host are being renamed with a .locked extension and a ransom note appears. Isolate, preserve evidence, restore, and brief leadership and legal.',
 'ransomware', 'CRITICAL', '{incident-commander,technical-lead,security-analyst,communications-lead,legal-counsel}', 180, 900),
('5f0c6f1e-0003-4c1a-9d1e-000000000003', 'data-exfiltration', 'Data exfiltration',
 'Egress monitoring shows 40 GB leaving a data-warehouse subnet to an unknown host overnight. Scope the data, stop the flow, assess regulator notification deadlines.',
 'data-exfiltration', 'CRITICAL', '{incident-commander,security-analyst,legal-counsel,communications-lead}', 180, 1200),
('5f0c6f1e-0004-4c1a-9d1e-000000000004', 'ddos', 'Distributed denial of service',
 'The public API is saturated by traffic from thousands of addresses; error rates exceed 60%. Engage cloud support and the DDoS mitigation vendor, keep customers informed.',
 'ddos', 'HIGH', '{incident-commander,technical-lead,communications-lead}', 300, 900),
('5f0c6f1e-0005-4c1a-9d1e-000000000005', 'public-storage-bucket', 'Public storage bucket',
 'A researcher reports that a storage bucket with customer exports is publicly listable. Close access, find who read it, and decide on disclosure.',
 'public-storage-bucket', 'HIGH', '{incident-commander,security-analyst,legal-counsel}', 300, 1200);
