package io.muster.platform.outbox;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.EventJson;
import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.muster.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events into the service's {@code outbox} table inside the caller's transaction, so the state change and
 * the event announcing it commit or roll back together. {@link OutboxRelay} publishes committed rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    /** The event type column of a dead letter (its value is someone else's record, of any type or none). */
    public static final String DEAD_LETTER_TYPE = "dead-letter";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    /** Records an event for publication when the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of(payload, clock.instant());
        insert(envelope.eventId(), envelope.topic(), envelope.key(), envelope.type(), EventJson.write(envelope));
        return envelope;
    }

    /** Records a tombstone (null value) for a key on a compacted topic: the entity it named is gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tombstone(String topic, String key) {
        insert(UUID.randomUUID(), topic, key, "tombstone", null);
    }

    /**
     * Records a failed record for the dead-letter topic: its key and value as they were, with {@code headers} (the
     * failed record's own and {@link io.muster.contracts.DeadLetterHeaders}) sent as Kafka headers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadLetter(String key, String value, Map<String, String> headers) {
        insert(UUID.randomUUID(), Topics.DEAD_LETTER, key, DEAD_LETTER_TYPE, value, headers);
    }

    private void insert(UUID eventId, String topic, String key, String type, String json) {
        insert(eventId, topic, key, type, json, null);
    }

    private void insert(UUID eventId, String topic, String key, String type, String json,
            Map<String, String> headers) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox (event_id, topic, record_key, event_type, payload, traceparent, headers)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, type);
            insert.setString(5, json);
            insert.setString(6, TraceContext.current().orElse(null));
            insert.setString(7, headers == null ? null : EventJson.mapper().writeValueAsString(headers));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot write to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
