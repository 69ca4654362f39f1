package io.muster.gameday.messaging;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.gameday.service.DirectoryReplica;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the people replica from muster.directory.v1. Only contacts are kept (role rosters and rotations are
 * escalation's business), so the other snapshots are passed over without touching the database.
 */
@ApplicationScoped
public class DirectoryReplicaConsumer {

    static final String CONSUMER = "gameday.directory-replica";

    @Inject
    InboundEvents inbound;

    @Inject
    DirectoryReplica replica;

    @Incoming("directory")
    @Blocking
    public void onDirectoryRecord(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, e -> e.payload() instanceof ContactSnapshot, replica::apply,
                replica::remove);
    }
}
