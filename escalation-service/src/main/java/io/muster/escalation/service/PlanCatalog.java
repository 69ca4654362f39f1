package io.muster.escalation.service;

import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.ResponsePlan;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.contracts.Severity;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Keeps escalation policies and response plans. Changes apply to incidents opened afterwards. */
@ApplicationScoped
public class PlanCatalog {

    static final String AUDIT_POLICY = "escalation-policy";
    static final String AUDIT_PLAN = "response-plan";
    static final String AUDIT_SEVERITY = "severity";

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public EscalationPolicy createPolicy(PolicyFields request, String actor) {
        requireFreeName(request.name().strip(), null);
        EscalationPolicy policy = new EscalationPolicy();
        policy.id = UUID.randomUUID();
        apply(policy, request);
        policy.persist();
        audit.record(AUDIT_POLICY, policy.id, "created", actor, null, PolicyState.of(policy));
        return policy;
    }

    @Transactional
    public EscalationPolicy updatePolicy(UUID id, PolicyFields request, String actor) {
        EscalationPolicy policy = policy(id);
        requireFreeName(request.name().strip(), id);
        PolicyState before = PolicyState.of(policy);
        apply(policy, request);
        audit.record(AUDIT_POLICY, id, "updated", actor, before, PolicyState.of(policy));
        return policy;
    }

    @Transactional
    public void deletePolicy(UUID id, String actor) {
        EscalationPolicy policy = policy(id);
        if (ResponsePlan.count("policyId", id) > 0) {
            throw Refusal.conflict("policy-in-use", "id", "policy " + id + " is used by a response plan");
        }
        if (Incident.count("policyId = ?1 and status <> ?2", id, IncidentStatus.RESOLVED) > 0) {
            throw Refusal.conflict("policy-in-use", "id", "policy " + id + " escalates open incidents");
        }
        audit.record(AUDIT_POLICY, id, "deleted", actor, PolicyState.of(policy), null);
        EscalationPolicy.deleteById(id);
    }

    @Transactional
    public EscalationPolicy policy(UUID id) {
        EscalationPolicy policy = EscalationPolicy.findById(id);
        if (policy == null) {
            throw Refusal.notFound("Escalation policy", id);
        }
        return policy;
    }

    @Transactional
    public List<EscalationPolicy> policies() {
        return EscalationPolicy.listAll(Sort.by("name"));
    }

    @Transactional
    public ResponsePlan createPlan(ResponsePlanFields request, String actor) {
        requireFreeSlot(request, null);
        ResponsePlan plan = new ResponsePlan();
        plan.id = UUID.randomUUID();
        apply(plan, request);
        plan.persist();
        audit.record(AUDIT_PLAN, plan.id, "created", actor, null, ResponsePlanState.of(plan));
        return plan;
    }

    @Transactional
    public ResponsePlan updatePlan(UUID id, ResponsePlanFields request, String actor) {
        ResponsePlan plan = plan(id);
        requireFreeSlot(request, id);
        ResponsePlanState before = ResponsePlanState.of(plan);
        apply(plan, request);
        audit.record(AUDIT_PLAN, id, "updated", actor, before, ResponsePlanState.of(plan));
        return plan;
    }

    @Transactional
    public void deletePlan(UUID id, String actor) {
        ResponsePlan plan = plan(id);
        audit.record(AUDIT_PLAN, id, "deleted", actor, ResponsePlanState.of(plan), null);
        ResponsePlan.deleteById(id);
    }

    @Transactional
    public ResponsePlan plan(UUID id) {
        ResponsePlan plan = ResponsePlan.findById(id);
        if (plan == null) {
            throw Refusal.notFound("Response plan", id);
        }
        return plan;
    }

    @Transactional
    public List<ResponsePlan> plans() {
        return ResponsePlan.listAll(Sort.by("incidentType").and("severity"));
    }

    @Transactional
    public List<SeverityDefinition> severities() {
        return SeverityDefinition.listAll(Sort.by("severity"));
    }

    /**
     * Replaces a severity's definition; incidents already open keep the ack target their timers were set with, and
     * their next stakeholder update stays due when it was (the new cadence applies from then on).
     */
    @Transactional
    public SeverityDefinition defineSeverity(Severity severity, SeverityFields request, String actor) {
        SeverityDefinition definition = SeverityDefinition.of(severity);
        SeverityState before = SeverityState.of(definition);
        definition.name = request.name().strip();
        definition.criteria = request.criteria().strip();
        definition.ackTargetSeconds = request.ackTargetSeconds();
        definition.allChannelsAtOnce = request.allChannelsAtOnce();
        definition.bundlingExempt = request.bundlingExempt();
        definition.stakeholderRoles(request.stakeholderRoles());
        definition.updateCadenceMinutes = request.updateCadenceMinutes();
        definition.updatedAt = clock.instant();
        audit.record(AUDIT_SEVERITY, severity, "updated", actor, before, SeverityState.of(definition));
        return definition;
    }

    private void apply(EscalationPolicy policy, PolicyFields request) {
        policy.name = request.name().strip();
        policy.extraRepetitions = request.repeats();
        policy.define(request.stages(), request.stakeholders());
        policy.updatedAt = clock.instant();
    }

    private void apply(ResponsePlan plan, ResponsePlanFields request) {
        if (EscalationPolicy.findById(request.policyId()) == null) {
            throw Refusal.unprocessable("unknown-policy", "policyId",
                    "policy " + request.policyId() + " does not exist");
        }
        plan.incidentType = request.incidentType();
        plan.severity = request.severity();
        plan.policyId = request.policyId();
        plan.rolesToEngage(request.rolesToEngage());
        plan.requiredRoles(request.requiredRoles());
        plan.updatedAt = clock.instant();
    }

    private static void requireFreeName(String name, UUID self) {
        EscalationPolicy other = EscalationPolicy.find("name", name).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw Refusal.conflict("policy-name-taken", "name", "a policy named '" + name + "' exists");
        }
    }

    private static void requireFreeSlot(ResponsePlanFields request, UUID self) {
        ResponsePlan other = ResponsePlan.find("incidentType = ?1 and severity = ?2", request.incidentType(),
                request.severity()).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw Refusal.conflict("plan-exists", "incidentType", "a plan for " + request.incidentType()
                    + " / " + request.severity() + " exists: " + other.id);
        }
    }
}
