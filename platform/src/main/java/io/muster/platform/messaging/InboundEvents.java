package io.muster.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.muster.platform.tracing.TraceContext;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.EventJson;
import io.muster.platform.domain.Refusal;
import io.muster.platform.problem.ProblemException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Handles one consumed record: parses the envelope, runs the handler in its own transaction together with the
 * processed-event record, and retries transient failures (database or broker away, see {@link FailureKind}) until
 * they pass, so a neighbour's outage delays events but never drops them. An unexpected failure (a bug, data the
 * handler cannot take) is retried a few times, then the record is set aside on the dead-letter topic
 * ({@link DeadLetters}) so that one record cannot stall its partition. Events that can never succeed (malformed,
 * refused by a domain rule) are logged and skipped.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @Inject
    InboundConfig config;

    @Inject
    DeadLetters deadLetters;

    /**
     * @param consumer    a stable name for the consuming use case (part of the idempotency key)
     * @param onEvent     applies an event; called at most once per event id
     * @param onTombstone applies a deletion on a compacted topic (the key's entity is gone); may be null
     */
    public void handle(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> onEvent,
            Consumer<String> onTombstone) {
        handle(consumer, record, envelope -> true, onEvent, onTombstone);
    }

    /**
     * As {@link #handle(String, ConsumerRecord, Consumer, Consumer)}, but events that {@code relevant} rejects are
     * passed over without a transaction or a processed-event record: a consumer that acts on a few kinds of event
     * in a busy topic (only failed deliveries, only drills) then costs the database nothing for the rest.
     */
    public void handle(String consumer, ConsumerRecord<String, String> record, Predicate<EventEnvelope> relevant,
            Consumer<EventEnvelope> onEvent, Consumer<String> onTombstone) {
        // The work joins the producer's trace, so events it publishes in turn carry the same trace id onwards.
        Span span = tracer.spanBuilder(consumer + " process")
                .setParent(TraceContext.parentOf(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.destination.name", record.topic())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            handleInSpan(consumer, record, relevant, onEvent, onTombstone);
        } finally {
            span.end();
        }
    }

    private void handleInSpan(String consumer, ConsumerRecord<String, String> record,
            Predicate<EventEnvelope> relevant, Consumer<EventEnvelope> onEvent, Consumer<String> onTombstone) {
        if (record.value() == null) {
            if (onTombstone != null) {
                untilDone(consumer, record, () -> QuarkusTransaction.requiringNew()
                        .run(() -> onTombstone.accept(record.key())));
            }
            return;
        }
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(record.value());
        } catch (EventJson.MalformedEventException e) {
            reject(consumer, record, e);
            return;
        }
        if (!relevant.test(envelope)) {
            return;
        }
        untilDone(consumer, record, () -> QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstTime(consumer, envelope.eventId())) {
                onEvent.accept(envelope);
            }
        }));
    }

    /**
     * Runs the work until it succeeds. Transient failures are retried for as long as they last; unexpected ones
     * {@link InboundConfig#maxAttempts()} times in all, then the record goes to the dead-letter topic and the
     * consumer moves on to the next record of the partition.
     */
    private void untilDone(String consumer, ConsumerRecord<String, String> record, Runnable work) {
        int transientFailures = 0;
        int unexpectedFailures = 0;
        while (true) {
            try {
                work.run();
                return;
            } catch (ProblemException | Refusal | IllegalArgumentException e) {
                reject(consumer, record, e);
                return;
            } catch (RuntimeException e) {
                FailureKind kind = FailureKind.of(e);
                registry.counter("muster.events.handling.failures", "consumer", consumer,
                        "kind", kind.name().toLowerCase(Locale.ROOT)).increment();
                int failures = kind == FailureKind.TRANSIENT ? ++transientFailures : ++unexpectedFailures;
                if (kind == FailureKind.UNEXPECTED && unexpectedFailures >= config.maxAttempts()) {
                    deadLetter(consumer, record, e, transientFailures + unexpectedFailures);
                    return;
                }
                long backoff = backoff(failures);
                LOG.warnf("%s: cannot handle %s-%d@%d yet (%s, %s), retry %d in %d ms", consumer, record.topic(),
                        record.partition(), record.offset(), kind, e, failures, backoff);
                pause(backoff, e);
            }
        }
    }

    /** Writes the dead letter, retrying for as long as the database cannot take it. */
    private void deadLetter(String consumer, ConsumerRecord<String, String> record, RuntimeException failure,
            int attempts) {
        int failures = 0;
        while (true) {
            try {
                deadLetters.write(consumer, record, failure, attempts);
                return;
            } catch (RuntimeException e) {
                failures++;
                registry.counter("muster.events.dead.letter.failures", "consumer", consumer).increment();
                long backoff = backoff(failures);
                LOG.warnf("%s: cannot dead-letter %s-%d@%d yet (%s), retry %d in %d ms", consumer, record.topic(),
                        record.partition(), record.offset(), e, failures, backoff);
                pause(backoff, e);
            }
        }
    }

    private long backoff(int failures) {
        long base = config.retryBaseDelay().toMillis();
        return Math.min(config.retryMaxDelay().toMillis(), base << Math.min(failures - 1, 20));
    }

    private static void pause(long millis, RuntimeException failure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private void reject(String consumer, ConsumerRecord<String, String> record, Exception e) {
        registry.counter("muster.events.rejected", "consumer", consumer).increment();
        LOG.errorf("%s: skipping %s-%d@%d, it can never be handled: %s", consumer, record.topic(),
                record.partition(), record.offset(), e.getMessage());
    }
}
