-- The channel rule comes from the severity's definition (escalation sends it with each page), no longer from the
-- severity alone; rows from before keep the rule they were sent under.
ALTER TABLE page_delivery ADD COLUMN all_channels_at_once BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE page_delivery ADD COLUMN bundling_exempt BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE page_delivery SET all_channels_at_once = TRUE, bundling_exempt = TRUE WHERE severity = 'CRITICAL';
