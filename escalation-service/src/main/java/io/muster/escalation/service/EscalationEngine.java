package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.pages.PageRequested;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.EscalationState;
import io.muster.escalation.domain.EscalationTimer;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.ResponsePlan;
import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.domain.Stakeholders;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides who is paged when: enters stages, skips stages with nobody on call, moves on when a stage times out or
 * every page of it failed, and repeats the policy. Every method runs inside the caller's transaction, with the
 * incident row locked, so the pages (outbox), engagement rows and the next timer commit together.
 *
 * <p>Lock order is always timer row (when a timer fires) then incident row. Nothing that holds an incident lock
 * touches existing timers: a timer left behind by a stage that is over finds the incident moved on and does
 * nothing, which is how a stale or replayed timer can never page anyone twice.
 */
@ApplicationScoped
public class EscalationEngine {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    OnCallResolver resolver;

    @Inject
    Timeline timeline;

    /** Starts escalating a newly opened incident: notify-only stakeholders once, then the first stage. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Incident incident) {
        ResponsePlan plan = ResponsePlan.forIncident(incident.incidentType, incident.severity).orElse(null);
        if (plan == null) {
            timeline.record(incident.id, "no-plan", Timeline.SYSTEM,
                    "no response plan for " + incident.incidentType + " / " + incident.severity + "; nobody paged");
            return;
        }
        EscalationPolicy policy = EscalationPolicy.findById(plan.policyId);
        incident.planId = plan.id;
        incident.policyId = policy.id;
        timeline.record(incident.id, "plan", Timeline.SYSTEM, "response plan " + plan.incidentType + " / "
                + plan.severity + " chose policy '" + policy.name + "'");
        Stakeholders stakeholders = policy.stakeholders();
        if (!stakeholders.roles().isEmpty() || !stakeholders.contacts().isEmpty()) {
            StageDefinition informed = new StageDefinition(stakeholders.roles(), List.of(), stakeholders.contacts(),
                    List.of(), 1);
            List<OnCallResolver.Target> targets = resolver.resolve(informed, List.of(), clock.instant());
            targets.forEach(t -> page(incident, t, 0, 0, true));
            if (!targets.isEmpty()) {
                timeline.record(incident.id, "stakeholders-notified", Timeline.SYSTEM, "informed " + names(targets));
            }
        }
        enter(incident, policy, 0, 0, -1, null);
    }

    /** A stage timer came due. Does nothing unless the incident is still waiting on exactly that stage. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void timerFired(EscalationTimer timer) {
        Incident incident = Incident.findById(timer.incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (!waitingOn(incident, timer.stage, timer.cycle)) {
            return;
        }
        timeline.record(incident.id, "stage-timed-out", Timeline.SYSTEM,
                "stage " + (timer.stage + 1) + " (pass " + (timer.cycle + 1) + ") was not acknowledged in time");
        moveOn(incident, "timeout");
    }

    /** Every channel of one page failed; when that is true of every page of the current stage, move on now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageFailed(UUID incidentId, UUID pageId) {
        Incident incident = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        Engagement engagement = Engagement.findById(pageId);
        if (incident == null || engagement == null || engagement.status != Engagement.Status.REQUESTED) {
            return;
        }
        engagement.status = Engagement.Status.FAILED;
        timeline.record(incident.id, "page-failed", Timeline.SYSTEM,
                "every channel failed for " + resolver.nameOf(engagement.contactId));
        if (engagement.notifyOnly || !waitingOn(incident, engagement.stage, engagement.cycle)) {
            return;
        }
        long stillReachable = Engagement.count("incidentId = ?1 and stage = ?2 and cycle = ?3 and notifyOnly = false"
                + " and status <> ?4", incident.id, engagement.stage, engagement.cycle, Engagement.Status.FAILED);
        if (stillReachable == 0) {
            moveOn(incident, "all channels failed");
        }
    }

    /** Acknowledged or resolved: no further stage is entered (leftover timers find this and do nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(Incident incident) {
        if (incident.escalationState == EscalationState.ACTIVE) {
            incident.escalationState = EscalationState.STOPPED;
        }
    }

    private boolean waitingOn(Incident incident, int stage, int cycle) {
        return incident != null && incident.status == IncidentStatus.TRIGGERED
                && incident.escalationState == EscalationState.ACTIVE
                && incident.currentStage == stage && incident.currentCycle == cycle;
    }

    private void moveOn(Incident incident, String reason) {
        EscalationPolicy policy = EscalationPolicy.findById(incident.policyId);
        if (policy == null) {
            incident.escalationState = EscalationState.EXHAUSTED;
            timeline.record(incident.id, "escalation-exhausted", Timeline.SYSTEM,
                    "the escalation policy was deleted; nobody further can be paged");
            return;
        }
        enter(incident, policy, incident.currentStage + 1, incident.currentCycle, incident.currentStage, reason);
    }

    /**
     * Enters {@code stage} of pass {@code cycle}, wrapping to the next pass after the last stage, and skipping
     * stages whose targets resolve to nobody. Bounded by the number of stages in all passes.
     */
    private void enter(Incident incident, EscalationPolicy policy, int stage, int cycle, int fromStage,
            String reason) {
        List<StageDefinition> stages = policy.stages();
        ResponsePlan plan = incident.planId == null ? null : ResponsePlan.findById(incident.planId);
        Instant now = clock.instant();
        for (int step = 0; step <= stages.size() * (policy.repeats + 1); step++) {
            if (stage >= stages.size()) {
                if (cycle >= policy.repeats) {
                    incident.escalationState = EscalationState.EXHAUSTED;
                    timeline.record(incident.id, "escalation-exhausted", Timeline.SYSTEM,
                            "every stage of every pass was tried; nobody acknowledged");
                    return;
                }
                cycle++;
                stage = 0;
                timeline.record(incident.id, "policy-repeated", Timeline.SYSTEM,
                        "starting pass " + (cycle + 1) + " of " + (policy.repeats + 1));
            }
            if (fromStage >= 0) {
                outbox.publish(new IncidentEscalated(incident.id, fromStage + 1, stage + 1, cycle + 1, reason,
                        incident.drill));
            }
            incident.currentStage = stage;
            incident.currentCycle = cycle;
            incident.updatedAt = now;
            StageDefinition definition = stages.get(stage);
            List<String> engaged = stage == 0 && plan != null ? plan.rolesToEngage() : List.of();
            List<OnCallResolver.Target> targets = resolver.resolve(definition, engaged, now);
            if (targets.isEmpty()) {
                timeline.record(incident.id, "stage-skipped", Timeline.SYSTEM, "stage " + (stage + 1) + " (pass "
                        + (cycle + 1) + ") skipped: nobody on call for " + describe(definition, engaged));
                fromStage = stage;
                reason = "nobody on call";
                stage++;
                continue;
            }
            for (OnCallResolver.Target target : targets) {
                page(incident, target, stage, cycle, false);
            }
            EscalationTimer timer = new EscalationTimer();
            timer.id = UUID.randomUUID();
            timer.incidentId = incident.id;
            timer.stage = stage;
            timer.cycle = cycle;
            timer.dueAt = now.plusSeconds(definition.timeoutSeconds());
            timer.persist();
            incident.escalationState = EscalationState.ACTIVE;
            timeline.record(incident.id, "stage-paged", Timeline.SYSTEM, "stage " + (stage + 1) + " (pass "
                    + (cycle + 1) + ") paged " + names(targets) + "; waits until " + timer.dueAt);
            return;
        }
    }

    private void page(Incident incident, OnCallResolver.Target target, int stage, int cycle, boolean notifyOnly) {
        boolean already = Engagement.count("incidentId = ?1 and contactId = ?2 and stage = ?3 and cycle = ?4"
                + " and notifyOnly = ?5", incident.id, target.contactId(), stage, cycle, notifyOnly) > 0;
        if (already) {
            return;
        }
        Engagement engagement = new Engagement();
        engagement.pageId = UUID.randomUUID();
        engagement.incidentId = incident.id;
        engagement.contactId = target.contactId();
        engagement.roleKey = target.roleKey();
        engagement.stage = stage;
        engagement.cycle = cycle;
        engagement.notifyOnly = notifyOnly;
        engagement.status = Engagement.Status.REQUESTED;
        engagement.requestedAt = clock.instant();
        engagement.persist();
        outbox.publish(new PageRequested(engagement.pageId, incident.id, target.contactId(), target.roleKey(),
                stage + 1, cycle + 1, incident.severity, incident.title, incident.summary, incident.drill, incident.silent,
                notifyOnly, incident.drill ? incident.drillFaults().downChannelSet() : Set.of()));
    }

    private String names(List<OnCallResolver.Target> targets) {
        return targets.stream().map(t -> resolver.nameOf(t.contactId())
                + (t.roleKey() == null ? "" : " (" + t.roleKey() + ")")).collect(Collectors.joining(", "));
    }

    private static String describe(StageDefinition stage, List<String> engaged) {
        StringBuilder out = new StringBuilder();
        if (!stage.roles().isEmpty() || !engaged.isEmpty()) {
            out.append("roles ").append(stage.roles()).append(engaged.isEmpty() ? "" : " + " + engaged).append(' ');
        }
        if (!stage.teams().isEmpty()) {
            out.append("teams ").append(stage.teams()).append(' ');
        }
        if (!stage.contacts().isEmpty()) {
            out.append("contacts ").append(stage.contacts()).append(' ');
        }
        if (!stage.levels().isEmpty()) {
            out.append("levels ").append(stage.levels());
        }
        return out.toString().strip();
    }
}
