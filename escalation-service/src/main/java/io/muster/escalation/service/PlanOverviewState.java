package io.muster.escalation.service;

import io.muster.escalation.domain.PlanDocumentSettings;
import java.time.Instant;

/** The plan document's overview as the audit log keeps it before and after a change, shaped like the API's. */
public record PlanOverviewState(String text, Instant updatedAt, String updatedBy) {

    public static PlanOverviewState of(PlanDocumentSettings s) {
        return new PlanOverviewState(s.overview, s.updatedAt, s.updatedBy);
    }
}
