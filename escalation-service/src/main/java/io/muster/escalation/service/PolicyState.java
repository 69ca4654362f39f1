package io.muster.escalation.service;

import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.domain.Stakeholders;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An escalation policy as the audit log keeps it before and after a change. Its fields match the API's policy
 * view, so an audit entry reads like the policy the caller saw.
 */
public record PolicyState(UUID id, String name, int repeats, List<StageDefinition> stages,
        Stakeholders stakeholders, Instant updatedAt) {

    public static PolicyState of(EscalationPolicy p) {
        return new PolicyState(p.id, p.name, p.extraRepetitions, p.stages(), p.stakeholders(), p.updatedAt);
    }
}
