package io.muster.escalation.service;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.DrillFaults;
import java.util.List;

/**
 * A trigger, from whichever door it came in (the API, an Alertmanager webhook, a PagerDuty-compatible event).
 * {@code dedupKey} null or blank: the trigger always opens a new incident. {@code drillFaults} null: none asked for
 * (only a drill may ask). {@code requiredRoles} null: none beyond the plan's.
 */
public record RaiseIncident(String title, String summary, Severity severity, String incidentType, String source,
        String dedupKey, boolean drill, boolean silent, DrillFaults drillFaults, List<String> requiredRoles) {
}
