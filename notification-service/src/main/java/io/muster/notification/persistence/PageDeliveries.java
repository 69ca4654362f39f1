package io.muster.notification.persistence;

import io.muster.contracts.pages.DeliveryStatus;
import io.muster.notification.domain.PageDelivery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query on {@code page_delivery} (and on the pages an SMS summary stands for). */
@ApplicationScoped
public class PageDeliveries {

    /** Pages that still expect an SMS reply: unacknowledged, with a code, neither notify-only nor silent. */
    private static final String OPEN_PAGES = "contactId in ?1 and acknowledgedAt is null and ackCode is not null"
            + " and notifyOnly = false and silent = false";

    /** The delivery, or null. */
    public PageDelivery find(UUID pageId) {
        return PageDelivery.findById(pageId);
    }

    /** The delivery, locked against a concurrent acknowledgement; null when there is none. */
    public PageDelivery lock(UUID pageId) {
        return PageDelivery.findById(pageId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** An incident's pages, in the order they were requested. */
    public List<PageDelivery> forIncident(UUID incidentId) {
        return PageDelivery.list("incidentId", Sort.by("requestedAt").and("pageId"), incidentId);
    }

    /** An incident's pages that are still going out (neither notify-only nor silent, not finished). */
    public List<PageDelivery> goingForIncident(UUID incidentId) {
        return PageDelivery.list("incidentId = ?1 and notifyOnly = false and silent = false and status in ?2",
                incidentId, List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
                        DeliveryStatus.FAILED));
    }

    /** Whether another unacknowledged page of the person has this ack code. */
    public boolean ackCodeInUse(UUID contactId, String code) {
        return PageDelivery.count("contactId = ?1 and ackCode = ?2 and acknowledgedAt is null", contactId, code) > 0;
    }

    /** Whether any of these people has a page open for an SMS reply. */
    public boolean anyOpen(Collection<UUID> contactIds) {
        return PageDelivery.count(OPEN_PAGES, contactIds) > 0;
    }

    /** The newest open page of these people with this ack code, locked. */
    public Optional<PageDelivery> openWithCode(Collection<UUID> contactIds, String code) {
        return PageDelivery.<PageDelivery>find(OPEN_PAGES + " and ackCode = ?2 order by requestedAt desc",
                contactIds, code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The pages a summary SMS stands for, oldest first. */
    public List<PageDelivery> inSummary(String messageKey) {
        return PageDelivery.list("pageId in (select m.pageId from SmsBundleMember m where m.messageKey = ?1)"
                + " order by requestedAt, pageId", messageKey);
    }
}
