package io.muster.escalation.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.incidents.IncidentReclassified;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.service.DeadlineClocks;
import io.muster.escalation.service.StakeholderUpdates;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What an incident owes beyond paging, started from escalation's own lifecycle events on a consumer group of its
 * own (so the raise path neither knows nor waits): deadline clocks when an incident opens with, or is reclassified
 * into, a type that outside parties must hear about (from the event's {@code occurredAt}); the stakeholder-update
 * cadence from the open, following severity changes, stopped at resolve.
 */
@ApplicationScoped
public class IncidentObligationsConsumer {

    static final String CONSUMER = "escalation.incident-obligations";

    @Inject
    InboundEvents inbound;

    @Inject
    DeadlineClocks clocks;

    @Inject
    StakeholderUpdates updates;

    @Incoming("incident-obligations")
    @Blocking
    public void onLifecycle(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, IncidentObligationsConsumer::relevant, this::apply, null);
    }

    static boolean relevant(EventEnvelope envelope) {
        Object p = envelope.payload();
        return p instanceof IncidentTriggered || p instanceof IncidentReclassified
                || p instanceof IncidentSeverityChanged || p instanceof IncidentResolved;
    }

    void apply(EventEnvelope envelope) {
        Incident incident = Incident.findById(UUID.fromString(envelope.key()));
        if (incident == null || before(envelope.occurredAt())) {
            return; // not an incident of this database (a shared test broker), or history from before V10
        }
        Object payload = envelope.payload();
        if (payload instanceof IncidentTriggered t) {
            clocks.start(incident, t.incidentType(), envelope.occurredAt());
            updates.opened(incident, envelope.occurredAt());
        } else if (payload instanceof IncidentReclassified r) {
            clocks.start(incident, r.toType(), envelope.occurredAt());
        } else if (payload instanceof IncidentSeverityChanged) {
            updates.severityChanged(incident);
        } else if (payload instanceof IncidentResolved) {
            updates.resolved(incident.id);
        }
    }

    private static boolean before(Instant occurredAt) {
        Object since = Incident.getEntityManager().createNativeQuery("SELECT since FROM obligations_since")
                .getSingleResult();
        Instant from = since instanceof OffsetDateTime o ? o.toInstant() : since instanceof Instant i ? i
                : ((java.sql.Timestamp) since).toInstant();
        return occurredAt.isBefore(from);
    }
}
