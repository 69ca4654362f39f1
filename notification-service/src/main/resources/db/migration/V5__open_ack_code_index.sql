-- A new page's ack code must be unique among the person's unacknowledged pages, and an SMS reply is matched the
-- same way. Without this index both looked at every page of a person with many open pages (a planner choosing a
-- sequential scan once one person held half the table), so paging that person slowed with each page.
CREATE INDEX page_delivery_open_ack_code ON page_delivery (contact_id, ack_code) WHERE acknowledged_at IS NULL;
