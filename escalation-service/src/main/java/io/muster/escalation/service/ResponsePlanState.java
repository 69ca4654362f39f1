package io.muster.escalation.service;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.ResponsePlan;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A response plan as the audit log keeps it before and after a change. Its fields match the API's plan view, so an
 * audit entry reads like the plan the caller saw.
 */
public record ResponsePlanState(UUID id, String incidentType, Severity severity, UUID policyId,
        List<String> rolesToEngage, List<String> requiredRoles, Instant updatedAt) {

    public static ResponsePlanState of(ResponsePlan p) {
        return new ResponsePlanState(p.id, p.incidentType, p.severity, p.policyId, p.rolesToEngage(),
                p.requiredRoles(), p.updatedAt);
    }
}
