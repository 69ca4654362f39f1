package io.muster.gameday.service;

import io.muster.gameday.domain.ActionItem;
import io.muster.gameday.domain.IncidentTimelineEntry;
import io.muster.gameday.domain.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A review with its action items as the audit log keeps it before and after a change. Its fields match the API's
 * review view, so an audit entry reads like the review the caller saw.
 */
public record ReviewState(UUID id, Review.Source source, UUID runId, UUID incidentId, String title,
        Review.Status status, Instant openedAt, List<String> wentWell, List<String> didNotGoWell,
        List<String> rootCauses, List<Item> actionItems, Instant updatedAt, String updatedBy, Instant completedAt,
        String completedBy, Incident incident) {

    public record Item(UUID id, UUID reviewId, Review.Source source, UUID runId, UUID incidentId, UUID gameDayId,
            UUID scenarioId, String title, UUID ownerContactId, String ownerName, String owner, LocalDate dueDate,
            ActionItem.Status status, boolean done, boolean overdue, Instant doneAt,
            LocalDate lastRemindedOn) {

        static Item of(ReviewBook.Item item) {
            ActionItem i = item.item();
            Review review = item.review();
            return new Item(i.id, i.reviewId, review.source, review.runId, review.incidentId,
                    item.run() == null ? null : item.run().gameDayId, item.run() == null ? null : item.run().scenarioId,
                    i.title, i.ownerContactId, item.ownerName(), i.owner, i.dueDate, i.status, i.done(),
                    item.overdue(), i.doneAt, i.lastRemindedOn);
        }
    }

    public record Incident(String title, String incidentType, String severity, Instant triggeredAt,
            Instant resolvedAt, String resolvedBy, List<TimelineEntry> timeline) {
    }

    public record TimelineEntry(Instant at, IncidentTimelineEntry.Kind kind, String detail) {
    }

    public static ReviewState of(ReviewBook.Full full) {
        Review r = full.review();
        Incident incident = full.incident() == null ? null : new Incident(full.incident().title,
                full.incident().incidentType, full.incident().severity, full.incident().triggeredAt,
                full.incident().resolvedAt, full.incident().resolvedBy,
                full.timeline() == null ? null
                        : full.timeline().stream().map(e -> new TimelineEntry(e.occurredAt, e.kind, e.detail))
                                .toList());
        return new ReviewState(r.id, r.source, r.runId, r.incidentId, r.title, r.status, r.openedAt,
                List.copyOf(r.wentWell), List.copyOf(r.didNotGoWell), List.copyOf(r.rootCauses),
                full.items().stream().map(Item::of).toList(), r.updatedAt, r.updatedBy, r.completedAt, r.completedBy,
                incident);
    }
}
