package io.muster.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.muster.contracts.DeadLetterHeaders;
import io.muster.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Sends records a consumer gave up on to {@link io.muster.contracts.Topics#DEAD_LETTER} through the service's
 * outbox, in a transaction of its own that commits before the consumer moves past the record: once the offset moves
 * on, the record is safe in the database and the relay publishes it. Counts them per consumer for the metric
 * {@code muster_events_dead_lettered_total} and the readiness report.
 *
 * <p>The record is not marked as processed: when the cause is fixed, replaying it (same event id) applies it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_MESSAGE = 2_000;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile String last;

    /** Writes the dead letter durably; throws (to be retried) when the database cannot take it. */
    void write(String consumer, ConsumerRecord<String, String> record, RuntimeException failure, int attempts) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        headers.put(DeadLetterHeaders.CONSUMER, consumer);
        headers.put(DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        headers.put(DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        headers.put(DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        headers.put(DeadLetterHeaders.EXCEPTION, failure.getClass().getName());
        headers.put(DeadLetterHeaders.EXCEPTION_MESSAGE, describe(failure));
        headers.put(DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        headers.put(DeadLetterHeaders.FAILED_AT, clock.instant().toString());
        // The outbox needs a key; a keyless record is keyed by where it came from.
        String key = record.key() != null ? record.key() : source(record);
        QuarkusTransaction.requiringNew().run(() -> outbox.deadLetter(key, record.value(), headers));

        registry.counter("muster.events.dead.lettered", "consumer", consumer).increment();
        counts.computeIfAbsent(consumer, c -> new AtomicLong()).incrementAndGet();
        last = consumer + " gave up on " + source(record) + " at " + headers.get(DeadLetterHeaders.FAILED_AT)
                + ": " + headers.get(DeadLetterHeaders.EXCEPTION_MESSAGE);
        LOG.errorf(failure, "%s: gave up on %s after %d attempts; it is on the dead-letter topic", consumer,
                source(record), attempts);
    }

    /** Records dead-lettered by this instance since it started, per consumer. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((consumer, n) -> out.put(consumer, n.get()));
        return out;
    }

    /** The latest dead letter of this instance, in words. */
    public Optional<String> last() {
        return Optional.ofNullable(last);
    }

    private static String source(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            text.append(" (caused by ").append(root.getClass().getName()).append(": ").append(root.getMessage())
                    .append(')');
        }
        return text.length() <= MAX_MESSAGE ? text.toString() : text.substring(0, MAX_MESSAGE);
    }
}
