package io.muster.escalation.service;

import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.TimelineEntry;

/**
 * How the audit log shows what a change touched: an incident as {@code GET /api/v1/incidents/{id}} shows it, a note
 * as the timeline shows it. The API layer supplies the shapes (they are its records), so the use cases record
 * them without depending on it. Each call returns a snapshot: later changes to the entity do not alter it.
 */
public interface AuditViews {

    Object incident(Incident incident);

    Object timelineEntry(TimelineEntry entry);
}
