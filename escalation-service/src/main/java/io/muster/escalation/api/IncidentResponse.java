package io.muster.escalation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.escalation.domain.DrillFaults;
import io.muster.escalation.domain.EscalationState;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.Repetitions;
import io.muster.escalation.service.DeadlineClocks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as callers see it; {@code currentStage} and {@code currentPass} count from 1. {@code drillFaults}
 * always has its three lists, empty when the incident injects no faults. {@code engagedAt} is when every required
 * role was engaged (null until then); {@code requiredRoles} are those the raise asked for on top of the plan's.
 * {@code acknowledgedContactId} is the directory person who took it (null when the caller was no person).
 * {@code phase} is the incident-response phase it is in since {@code phaseSince}; {@code playbookType} the playbook
 * its steps were copied from (its type's or {@code *}; null when none applied).
 * {@code clocks} (the deadline clocks of outside parties to notify) is shown by {@code GET /api/v1/incidents/{id}}
 * only, where it is always a list; lists and changes leave it out.
 */
public record IncidentResponse(UUID id, String title, String summary, Severity severity, String incidentType,
        String source, String dedupKey, IncidentStatus status, boolean drill, int triggerCount, Instant createdAt,
        Instant updatedAt, UUID planId, UUID policyId, EscalationState escalationState, int currentStage,
        int currentPass, Instant acknowledgedAt, String acknowledgedBy, UUID acknowledgedContactId,
        Instant resolvedAt, String resolvedBy, boolean silent, DrillFaults drillFaults, Instant engagedAt,
        List<String> requiredRoles, IncidentPhase phase, Instant phaseSince, String playbookType,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<DeadlineClocks.ClockView> clocks) {

    /** The same incident with its deadline clocks. */
    public IncidentResponse withClocks(List<DeadlineClocks.ClockView> deadlineClocks) {
        return new IncidentResponse(id, title, summary, severity, incidentType, source, dedupKey, status, drill,
                triggerCount, createdAt, updatedAt, planId, policyId, escalationState, currentStage, currentPass,
                acknowledgedAt, acknowledgedBy, acknowledgedContactId, resolvedAt, resolvedBy, silent, drillFaults,
                engagedAt, requiredRoles, phase, phaseSince, playbookType, List.copyOf(deadlineClocks));
    }

    public static IncidentResponse of(Incident i) {
        return new IncidentResponse(i.id, i.title, i.summary, i.severity, i.incidentType, i.source, i.dedupKey,
                i.status, i.drill, i.triggerCount, i.createdAt, i.updatedAt, i.planId, i.policyId,
                i.escalationState, i.currentStage + 1, i.currentRepetition + 1, i.acknowledgedAt, i.acknowledgedBy,
                i.acknowledgedContactId, i.resolvedAt, i.resolvedBy, i.silent, i.drillFaults(), i.engagedAt,
                i.requiredRoles(), i.phase, i.phaseSince, i.playbookType, null);
    }
}
