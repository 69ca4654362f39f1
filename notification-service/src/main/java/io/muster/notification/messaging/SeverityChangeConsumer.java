package io.muster.notification.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.notification.service.PageIntake;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A raised severity upgrades the channel rule of the incident's pages still going out. The other lifecycle events
 * on the topic cost no transaction.
 */
@ApplicationScoped
public class SeverityChangeConsumer {

    static final String CONSUMER = "notification.severity-changes";

    @Inject
    InboundEvents inbound;

    @Inject
    PageIntake intake;

    @Incoming("incidents")
    @Blocking
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, SeverityChangeConsumer::raised, this::apply, null);
    }

    static boolean raised(EventEnvelope envelope) {
        return envelope.payload() instanceof IncidentSeverityChanged change && change.raised();
    }

    void apply(EventEnvelope envelope) {
        intake.severityRaised(envelope.payloadAs(IncidentSeverityChanged.class));
    }
}
