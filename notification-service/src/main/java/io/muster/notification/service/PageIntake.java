package io.muster.notification.service;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.domain.PageDelivery;
import io.muster.platform.outbox.Outbox;
import io.muster.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Takes page requests in: one delivery per page id, however often the request is delivered. */
@ApplicationScoped
public class PageIntake {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Records the page (in the caller's transaction) and announces it queued, or suppressed when silent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(EventEnvelope envelope) {
        PageRequested page = envelope.payloadAs(PageRequested.class);
        if (PageDelivery.findById(page.pageId()) != null) {
            return; // the same page under another event id: still only one delivery
        }
        PageDelivery delivery = new PageDelivery();
        delivery.pageId = page.pageId();
        delivery.incidentId = page.incidentId();
        delivery.contactId = page.contactId();
        delivery.roleKey = page.roleKey();
        delivery.stage = page.stage();
        delivery.cycle = page.cycle();
        delivery.severity = page.severity();
        delivery.title = page.title();
        delivery.drill = page.drill();
        delivery.silent = page.silent();
        delivery.notifyOnly = page.notifyOnly();
        delivery.status = page.silent() ? DeliveryStatus.SUPPRESSED : DeliveryStatus.QUEUED;
        delivery.requestedAt = envelope.occurredAt();
        delivery.updatedAt = clock.instant();
        delivery.persist();
        outbox.publish(new PageStatusChanged(page.pageId(), page.incidentId(), page.contactId(), null,
                delivery.status, 0, page.silent() ? "silent drill: recorded, not sent" : null, page.drill()));
    }

    @Transactional
    public PageDelivery get(UUID pageId) {
        PageDelivery delivery = PageDelivery.findById(pageId);
        if (delivery == null) {
            throw ProblemException.notFound("Page", pageId);
        }
        return delivery;
    }

    @Transactional
    public List<PageDelivery> forIncident(UUID incidentId) {
        return PageDelivery.list("incidentId", Sort.by("requestedAt").and("pageId"), incidentId);
    }
}
