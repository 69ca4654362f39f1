package io.muster.contracts;

/**
 * Kafka headers of a record on {@link Topics#DEAD_LETTER}, all UTF-8 text. The record's key and value are the
 * failed record's own; its other headers (eventId, eventType, traceparent) are carried over as they were.
 */
public final class DeadLetterHeaders {

    /** The consuming use case that gave up, e.g. {@code notification.page-intake}. */
    public static final String CONSUMER = "muster-dlt-consumer";
    /** Topic, partition and offset of the failed record. */
    public static final String SOURCE_TOPIC = "muster-dlt-source-topic";
    public static final String SOURCE_PARTITION = "muster-dlt-source-partition";
    public static final String SOURCE_OFFSET = "muster-dlt-source-offset";
    /** Class name and message of the last failure. */
    public static final String EXCEPTION = "muster-dlt-exception";
    public static final String EXCEPTION_MESSAGE = "muster-dlt-exception-message";
    /** How many times the handler was tried. */
    public static final String ATTEMPTS = "muster-dlt-attempts";
    /** When the consumer gave up (ISO-8601 instant). */
    public static final String FAILED_AT = "muster-dlt-failed-at";

    private DeadLetterHeaders() {
    }
}
