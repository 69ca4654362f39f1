package io.muster.escalation.service;

import io.muster.escalation.domain.PlanDocumentVersion;
import java.time.Instant;
import java.time.LocalDate;

/** A published version of the plan document as the audit log keeps it, shaped like the API's version view. */
public record PlanVersionState(int version, String approvedBy, Instant publishedAt, String note,
        LocalDate reviewDueOn) {

    public static PlanVersionState of(PlanDocumentVersion v) {
        return new PlanVersionState(v.version, v.approvedBy, v.publishedAt, v.note, v.reviewDueOn);
    }
}
