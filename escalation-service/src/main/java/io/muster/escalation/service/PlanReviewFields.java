package io.muster.escalation.service;

import java.time.LocalDate;

/**
 * A change to the plan document's review schedule, at least one of the two given: {@code reviewIntervalDays} sets
 * the next review date at each publish; {@code reviewDueOn} sets the current one now.
 */
public record PlanReviewFields(Integer reviewIntervalDays, LocalDate reviewDueOn) {
}
