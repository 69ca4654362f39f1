package io.muster.escalation.service;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.SeverityDefinition;
import java.time.Instant;
import java.util.List;

/**
 * A severity's definition as the audit log keeps it before and after a change. Its fields match the API's severity
 * view, so an audit entry reads like the definition the caller saw.
 */
public record SeverityState(Severity severity, String name, String criteria, int ackTargetSeconds,
        boolean allChannelsAtOnce, boolean bundlingExempt, List<String> stakeholderRoles,
        Integer updateCadenceMinutes, Instant updatedAt) {

    public static SeverityState of(SeverityDefinition d) {
        return new SeverityState(d.severity, d.name, d.criteria, d.ackTargetSeconds, d.allChannelsAtOnce,
                d.bundlingExempt, d.stakeholderRoles(), d.updateCadenceMinutes, d.updatedAt);
    }
}
