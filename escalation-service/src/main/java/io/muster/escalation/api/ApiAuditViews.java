package io.muster.escalation.api;

import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.TimelineEntry;
import io.muster.escalation.service.AuditViews;
import jakarta.enterprise.context.ApplicationScoped;

/** The audit log's before and after are the API's own records, so an admin reads them as the API shows them. */
@ApplicationScoped
public class ApiAuditViews implements AuditViews {

    @Override
    public Object incident(Incident incident) {
        return IncidentResponse.of(incident);
    }

    @Override
    public Object timelineEntry(TimelineEntry entry) {
        return TimelineEntryResponse.of(entry);
    }
}
