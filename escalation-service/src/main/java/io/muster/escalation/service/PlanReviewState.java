package io.muster.escalation.service;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The plan document's review schedule and the version it was last published as (null fields before the first
 * publish). The audit log keeps it in this shape before and after a change, matching the API's review view.
 */
public record PlanReviewState(int reviewIntervalDays, LocalDate reviewDueOn, boolean overdue,
        Integer publishedVersion, String approvedBy, Instant publishedAt) {
}
