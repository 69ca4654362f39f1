-- Drill fault injection: the channels a game day says are down for this page (comma-separated channel types).
-- Attempts on them fail at once without calling the provider, so the fallback to the next channel is tested.
-- Always empty for real pages.
ALTER TABLE page_delivery ADD COLUMN down_channels TEXT NOT NULL DEFAULT '';
