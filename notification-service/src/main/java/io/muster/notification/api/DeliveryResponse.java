package io.muster.notification.api;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page's delivery and, when asked for one page, every attempt (addresses left out: they are PII). */
public record DeliveryResponse(UUID pageId, UUID incidentId, UUID contactId, String roleKey, int stage, int cycle,
        Severity severity, String title, boolean drill, DeliveryStatus status, Instant requestedAt,
        Instant updatedAt, Instant acknowledgedAt, AckMethod ackMethod, List<Attempt> attempts) {

    public record Attempt(ChannelType channel, int attempt, AttemptState state, Instant dueAt, Instant finishedAt,
            String error) {
    }

    static DeliveryResponse of(PageDelivery d) {
        return of(d, null);
    }

    static DeliveryResponse of(PageDelivery d, List<SendAttempt> attempts) {
        return new DeliveryResponse(d.pageId, d.incidentId, d.contactId, d.roleKey, d.stage, d.cycle, d.severity,
                d.title, d.drill, d.status, d.requestedAt, d.updatedAt, d.acknowledgedAt, d.ackMethod,
                attempts == null ? null : attempts.stream().map(a -> new Attempt(a.channelType, a.attempt, a.state,
                        a.dueAt, a.finishedAt, a.error)).toList());
    }
}
