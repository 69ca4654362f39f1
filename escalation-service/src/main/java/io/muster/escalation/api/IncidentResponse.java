package io.muster.escalation.api;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

public record IncidentResponse(UUID id, String title, String summary, Severity severity, String incidentType,
        String source, String dedupKey, IncidentStatus status, boolean drill, int triggerCount, Instant createdAt,
        Instant updatedAt) {

    static IncidentResponse of(Incident i) {
        return new IncidentResponse(i.id, i.title, i.summary, i.severity, i.incidentType, i.source, i.dedupKey,
                i.status, i.drill, i.triggerCount, i.createdAt, i.updatedAt);
    }
}
