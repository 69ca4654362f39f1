package io.muster.escalation.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.escalation.service.EscalationEngine;
import io.muster.escalation.service.IncidentDesk;
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
    IncidentDesk desk;

    @Inject
    EscalationEngine engine;

    @Incoming("page-acks")
    @Blocking
    public void onAck(ConsumerRecord<String, String> record) {
        inbound.handle(ACKS, record, this::acknowledged, null);
    }

    @Incoming("page-status")
    @Blocking
    public void onStatus(ConsumerRecord<String, String> record) {
        // Only a page that failed on every channel moves escalation; the other states cost no transaction.
        inbound.handle(STATUS, record, PageEventsConsumer::allChannelsFailed, this::statusChanged, null);
    }

    void acknowledged(EventEnvelope envelope) {
        if (envelope.payload() instanceof PageAcknowledged ack) {
            desk.pageAcknowledged(ack.incidentId(), ack.pageId(), ack.contactId(), "contact:" + ack.contactId());
        }
    }

    static boolean allChannelsFailed(EventEnvelope envelope) {
        return envelope.payload() instanceof PageStatusChanged status
                && status.status() == DeliveryStatus.ALL_CHANNELS_FAILED;
    }

    void statusChanged(EventEnvelope envelope) {
        if (envelope.payload() instanceof PageStatusChanged status
                && status.status() == DeliveryStatus.ALL_CHANNELS_FAILED) {
            engine.pageFailed(status.incidentId(), status.pageId());
        }
    }
}
