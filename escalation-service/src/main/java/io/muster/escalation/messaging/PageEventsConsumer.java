package io.muster.escalation.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.escalation.service.EscalationEngine;
import io.muster.escalation.service.Responders;
import io.muster.escalation.service.IncidentAcknowledgements;
import io.muster.escalation.service.IncidentAcknowledgements.Acknowledgement;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What notification tells escalation: a responder acknowledged a page, or every channel of a page failed. */
@ApplicationScoped
public class PageEventsConsumer {

    static final String ACKS = "escalation.page-acks";
    static final String STATUS = "escalation.page-status";

    @Inject
    InboundEvents inbound;

    @Inject
    IncidentAcknowledgements acknowledgements;

    @Inject
    EscalationEngine engine;

    @Inject
    Responders responders;

    @Incoming("page-acks")
    @Blocking
    public void onAck(ConsumerRecord<String, String> record) {
        inbound.handle(ACKS, record, this::acknowledged, null);
    }

    @Incoming("page-status")
    @Blocking
    public void onStatus(ConsumerRecord<String, String> record) {
        // Every state is kept for the responders view (one upsert); only all-channels-failed moves escalation.
        inbound.handle(STATUS, record, this::statusChanged, null);
    }

    void acknowledged(EventEnvelope envelope) {
        if (envelope.payload() instanceof PageAcknowledged ack) {
            acknowledgements.acknowledge(Acknowledgement.byPage(ack.incidentId(), ack.pageId(), ack.contactId(),
                    ack.method()));
        }
    }

    void statusChanged(EventEnvelope envelope) {
        if (envelope.payload() instanceof PageStatusChanged status) {
            responders.statusChanged(status, envelope.occurredAt());
            if (status.status() == DeliveryStatus.ALL_CHANNELS_FAILED) {
                engine.pageFailed(status.incidentId(), status.pageId());
            }
        }
    }
}
