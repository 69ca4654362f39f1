package io.muster.gameday.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.gameday.domain.DrillObservation;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows drill incidents on the incidents topic; production incidents are none of this service's business. */
@ApplicationScoped
public class DrillIncidentConsumer {

    static final String CONSUMER = "gameday.drill-incidents";

    @Inject
    InboundEvents inbound;

    @Incoming("incidents")
    @Blocking
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, this::observe, null);
    }

    private static UUID drillIncidentOf(EventEnvelope envelope) {
        if (envelope.payload() instanceof IncidentTriggered e && e.drill()) {
            return e.incidentId();
        } else if (envelope.payload() instanceof IncidentAcknowledged e && e.drill()) {
            return e.incidentId();
        } else if (envelope.payload() instanceof IncidentEscalated e && e.drill()) {
            return e.incidentId();
        } else if (envelope.payload() instanceof IncidentResolved e && e.drill()) {
            return e.incidentId();
        }
        return null;
    }

    void observe(EventEnvelope envelope) {
        UUID incidentId = drillIncidentOf(envelope);
        if (incidentId == null) {
            return;
        }
        DrillObservation observation = new DrillObservation();
        observation.eventId = envelope.eventId();
        observation.incidentId = incidentId;
        observation.eventType = envelope.type();
        observation.occurredAt = envelope.occurredAt();
        observation.persist();
    }
}
