package io.muster.contracts.plans;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where the organisation's incident response plan document stands: the last published version (null before the
 * first), who approved it and when, and the date by which it must be reviewed again. There is one plan per
 * installation, so one key; readiness reports the review as overdue after {@code reviewDueOn}.
 */
public record PlanDocumentStatus(Integer publishedVersion, Instant publishedAt, String approvedBy,
        LocalDate reviewDueOn) implements EventPayload {

    public static final String TYPE = "PlanDocumentStatus";
    public static final String KEY = "plan-document";

    /** Whether the plan was never published or its review date has passed. */
    public boolean reviewOverdueOn(LocalDate today) {
        return publishedVersion == null || (reviewDueOn != null && reviewDueOn.isBefore(today));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANS;
    }

    @Override
    public String key() {
        return KEY;
    }
}
