package io.muster.notification.messaging;

import io.muster.notification.service.DirectoryReplica;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the contact replica from muster.directory.v1, so a directory outage never stops a page. */
@ApplicationScoped
public class DirectoryReplicaConsumer {

    static final String CONSUMER = "notification.directory-replica";

    @Inject
    InboundEvents inbound;

    @Inject
    DirectoryReplica replica;

    @Incoming("directory")
    @Blocking
    public void onDirectoryRecord(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, replica::apply, replica::remove);
    }
}
