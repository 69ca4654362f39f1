package io.muster.escalation.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.EventJson;
import io.muster.escalation.domain.DirectoryReplicaEntry;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local copy of the directory that escalation resolves targets from, so a directory outage stops nothing. */
@ApplicationScoped
public class DirectoryReplicaConsumer {

    static final String CONSUMER = "escalation.directory-replica";

    @Inject
    InboundEvents inbound;

    @Inject
    Clock clock;

    @Incoming("directory")
    @Blocking
    public void onDirectoryRecord(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, this::apply, this::remove);
    }

    void apply(EventEnvelope envelope) {
        DirectoryReplicaEntry entry = DirectoryReplicaEntry.findById(envelope.key());
        if (entry == null) {
            entry = new DirectoryReplicaEntry();
            entry.entityKey = envelope.key();
        } else if (entry.updatedAt != null && entry.updatedAt.isAfter(envelope.occurredAt())) {
            return; // an older snapshot replayed after a newer one
        }
        entry.eventType = envelope.type();
        entry.snapshot = EventJson.mapper().valueToTree(envelope.payload()).toString();
        entry.updatedAt = envelope.occurredAt();
        entry.persist();
    }

    void remove(String key) {
        DirectoryReplicaEntry.deleteById(key);
    }
}
