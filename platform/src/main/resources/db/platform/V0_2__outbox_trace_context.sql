-- The W3C trace context (traceparent) current when the event was written, sent as a Kafka header by the relay so
-- the consumer's work joins the same trace. Null when there was no valid context.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
