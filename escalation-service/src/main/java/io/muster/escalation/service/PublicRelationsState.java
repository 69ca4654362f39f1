package io.muster.escalation.service;

import io.muster.escalation.domain.PublicRelationsPlan;
import java.time.Instant;
import java.util.List;

/**
 * The public-relations plan as the audit log keeps it before and after a change. Its fields match the API's plan
 * view, so an audit entry reads like the plan the caller saw.
 */
public record PublicRelationsState(String spokespersonRole, List<String> approverRoles, String guidance,
        String holdingStatementTemplate, Instant updatedAt, String updatedBy) {

    public static PublicRelationsState of(PublicRelationsPlan plan) {
        return new PublicRelationsState(plan.spokespersonRole, plan.approverRoles(), plan.guidance,
                plan.holdingStatementTemplate, plan.updatedAt, plan.updatedBy);
    }
}
