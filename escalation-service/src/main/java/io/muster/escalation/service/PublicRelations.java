package io.muster.escalation.service;

import io.muster.escalation.domain.PublicRelationsPlan;
import io.muster.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Keeps the installation's public-relations plan; external stakeholder updates are checked against it. */
@ApplicationScoped
public class PublicRelations {

    static final String AUDIT_PLAN = "public-relations-plan";
    static final String AUDIT_ID = "installation";

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public PublicRelationsPlan plan() {
        return PublicRelationsPlan.current();
    }

    /** Replaces the plan; writing what is already there changes nothing and leaves no audit entry. */
    @Transactional
    public PublicRelationsPlan replace(PublicRelationsFields request, String actor) {
        PublicRelationsPlan plan = PublicRelationsPlan.findById(PublicRelationsPlan.THE_PLAN,
                LockModeType.PESSIMISTIC_WRITE);
        PublicRelationsState before = PublicRelationsState.of(plan);
        String spokesperson = request.spokespersonRole() == null || request.spokespersonRole().isBlank() ? null
                : request.spokespersonRole().strip();
        List<String> approvers = request.approverRoles().stream().map(String::strip).distinct().toList();
        String guidance = request.guidance().strip();
        String template = request.holdingStatementTemplate().strip();
        if (java.util.Objects.equals(spokesperson, plan.spokespersonRole) && approvers.equals(plan.approverRoles())
                && guidance.equals(plan.guidance) && template.equals(plan.holdingStatementTemplate)) {
            return plan;
        }
        plan.spokespersonRole = spokesperson;
        plan.approverRoles(approvers);
        plan.guidance = guidance;
        plan.holdingStatementTemplate = template;
        plan.updatedAt = clock.instant();
        plan.updatedBy = actor;
        audit.record(AUDIT_PLAN, AUDIT_ID, "updated", actor, before, PublicRelationsState.of(plan));
        return plan;
    }
}
