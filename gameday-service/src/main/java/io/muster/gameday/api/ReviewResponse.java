package io.muster.gameday.api;

import io.muster.gameday.domain.IncidentTimelineEntry;
import io.muster.gameday.domain.Review;
import io.muster.gameday.service.ReviewBook;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A review, of a game day run or of a real incident, in one shape. {@code incident} is set for an incident's review:
 * what the incident events told this service (title, type, severity, when it opened and was resolved, its timeline).
 */
public record ReviewResponse(UUID id, Review.Source source, UUID runId, UUID incidentId, String title,
        Review.Status status, Instant openedAt, List<String> wentWell, List<String> didNotGoWell,
        List<String> rootCauses, List<ActionItemResponse> actionItems, Instant updatedAt, String updatedBy,
        Instant completedAt, String completedBy, IncidentSummary incident) {

    public record IncidentSummary(String title, String incidentType, String severity, Instant triggeredAt,
            Instant resolvedAt, String resolvedBy, List<TimelineEntry> timeline) {
    }

    public record TimelineEntry(Instant at, IncidentTimelineEntry.Kind kind, String detail) {
    }

    public static ReviewResponse of(ReviewBook.Full full) {
        Review r = full.review();
        IncidentSummary incident = full.incident() == null ? null : new IncidentSummary(full.incident().title,
                full.incident().incidentType, full.incident().severity, full.incident().triggeredAt,
                full.incident().resolvedAt, full.incident().resolvedBy,
                full.timeline() == null ? null
                        : full.timeline().stream().map(e -> new TimelineEntry(e.occurredAt, e.kind, e.detail)).toList());
        return new ReviewResponse(r.id, r.source, r.runId, r.incidentId, r.title, r.status, r.openedAt,
                List.copyOf(r.wentWell), List.copyOf(r.didNotGoWell), List.copyOf(r.rootCauses),
                full.items().stream().map(ActionItemResponse::of).toList(), r.updatedAt, r.updatedBy,
                r.completedAt, r.completedBy, incident);
    }
}
