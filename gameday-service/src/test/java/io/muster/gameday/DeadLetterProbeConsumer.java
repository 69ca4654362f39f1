package io.muster.gameday;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer of the incident topic, wired like every consumer in Muster, whose handler fails on purpose: always on
 * an incident titled {@code poison ...} (a bug), and the first {@link #FLAKY_FAILURES} times on one titled
 * {@code flaky ...} (the database away). It remembers every attempt and every event it applied.
 */
@ApplicationScoped
public class DeadLetterProbeConsumer {

    static final String CONSUMER = "gameday.dead-letter-probe";
    static final int FLAKY_FAILURES = 6;

    @Inject
    InboundEvents inbound;

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<UUID> applied = ConcurrentHashMap.newKeySet();

    @Incoming("dead-letter-probe")
    @Blocking
    public void onIncident(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, this::apply, null);
    }

    void apply(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof IncidentTriggered triggered)) {
            return;
        }
        int attempt = attempts.computeIfAbsent(envelope.eventId(), id -> new AtomicInteger()).incrementAndGet();
        if (triggered.title().startsWith("poison ")) {
            throw new IllegalStateException("no rule for " + triggered.title());
        }
        if (triggered.title().startsWith("flaky ") && attempt <= FLAKY_FAILURES) {
            throw new IllegalStateException("cannot record processed event",
                    new SQLTransientConnectionException("Connection to localhost refused", "08001"));
        }
        applied.add(envelope.eventId());
    }

    // Methods, not fields: the test holds a client proxy, whose fields are not the bean's.
    boolean applied(EventEnvelope envelope) {
        return applied.contains(envelope.eventId());
    }

    int attemptsOf(EventEnvelope envelope) {
        AtomicInteger n = attempts.get(envelope.eventId());
        return n == null ? 0 : n.get();
    }
}
