package io.muster.escalation.domain;

import io.muster.contracts.Severity;

/** Which incidents a listing returns, newest first, at most {@code limit}; a null criterion means "any". */
public record IncidentFilter(IncidentStatus status, Severity severity, String incidentType, Boolean drill,
        int limit) {
}
