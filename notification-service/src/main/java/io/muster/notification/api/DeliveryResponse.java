package io.muster.notification.api;

import io.muster.contracts.Severity;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.notification.domain.PageDelivery;
import java.time.Instant;
import java.util.UUID;

public record DeliveryResponse(UUID pageId, UUID incidentId, UUID contactId, String roleKey, int stage, int cycle,
        Severity severity, String title, boolean drill, DeliveryStatus status, Instant requestedAt,
        Instant updatedAt) {

    static DeliveryResponse of(PageDelivery d) {
        return new DeliveryResponse(d.pageId, d.incidentId, d.contactId, d.roleKey, d.stage, d.cycle, d.severity,
                d.title, d.drill, d.status, d.requestedAt, d.updatedAt);
    }
}
