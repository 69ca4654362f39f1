-- Extra Kafka headers for a row, as a JSON object of header name to text value (dead letters say here which consumer
-- failed on which record and why). Null for ordinary events, whose headers come from the other columns.
ALTER TABLE outbox ADD COLUMN headers TEXT;
