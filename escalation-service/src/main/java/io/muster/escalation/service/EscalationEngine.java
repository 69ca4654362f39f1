package io.muster.escalation.service;

import io.muster.contracts.directory.ResponderSelection.Candidate;
import io.muster.contracts.directory.ResponderSelection.Reason;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.pages.PageRequested;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.EscalationPolicy;
import io.muster.escalation.domain.EscalationState;
import io.muster.escalation.domain.EscalationTimer;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.Repetitions;
import io.muster.escalation.domain.ResponsePlan;
import io.muster.escalation.domain.RoleEngagement;
import io.muster.escalation.domain.SeverityDefinition;
import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.domain.Stakeholders;
import io.muster.escalation.domain.TimelineKind;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides who is paged when. Two kinds of path run side by side for an incident:
 * <ul>
 * <li>the <b>stage path</b> of the plan's escalation policy: enters stages, skips stages with nobody reachable,
 * moves on when a stage times out or every page of it failed, repeats the policy's stages, and stops at the first
 * acknowledgement;</li>
 * <li>one <b>role path</b> per required role (the plan's, plus any the raise asked for): paged with the first
 * stage, then, each time the severity's ack target passes with nobody paged for the role acknowledging, the next
 * candidate the selection rule gives (next holder, then the role's escalation contact), repeating as often as the
 * policy repeats, until someone paged for the role acknowledges.</li>
 * </ul>
 * An acknowledgement engages every role its person was paged for; the incident is engaged once every required
 * role is. Every method runs inside the caller's transaction, with the incident row locked, so the pages (outbox),
 * engagement rows and the next timer commit together.
 *
 * <p>Lock order is always timer row (when a timer fires) then incident row. Nothing that holds an incident lock
 * touches existing timers: a timer left behind by a stage or role step that is over finds the incident moved on
 * and does nothing, which is how a stale or replayed timer can never page anyone twice.
 */
@ApplicationScoped
public class EscalationEngine {

    private static final String STAGE_PATH = "";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    OnCallResolver resolver;

    @Inject
    Timeline timeline;

    @Inject
    IncidentMetrics metrics;

    /**
     * What opening an incident under a plan pages: the roles that must be engaged, the roles paged with the first
     * stage, and the notify-only stakeholders (the policy's and the severity's, less anyone paged anyway). One
     * computation for the engine and for the response-team preview, so the preview is what a raise does.
     */
    public record Opening(List<String> requiredRoles, List<String> firstStageExtras, StageDefinition informed) {

        public static Opening of(ResponsePlan plan, EscalationPolicy policy, SeverityDefinition severity,
                List<String> raisedWithRoles) {
            Set<String> required = new LinkedHashSet<>(plan == null ? List.of() : plan.requiredRoles());
            required.addAll(raisedWithRoles);
            List<String> extras = new ArrayList<>(plan == null ? List.of() : plan.rolesToEngage());
            required.stream().filter(r -> !extras.contains(r)).forEach(extras::add);
            Set<String> pagedAnyway = new LinkedHashSet<>(extras);
            List<StageDefinition> stages = policy == null ? List.of() : policy.stages();
            if (!stages.isEmpty()) {
                pagedAnyway.addAll(stages.get(0).roles());
            }
            Stakeholders stakeholders = policy == null ? Stakeholders.NONE : policy.stakeholders();
            List<String> informedRoles = new ArrayList<>(stakeholders.roles());
            severity.stakeholderRoles().stream().filter(r -> !informedRoles.contains(r)).forEach(informedRoles::add);
            informedRoles.removeAll(pagedAnyway);
            return new Opening(List.copyOf(required), List.copyOf(extras),
                    new StageDefinition(informedRoles, List.of(), stakeholders.contacts(), List.of(), 1));
        }
    }

    /** Starts escalating a newly opened incident: notify-only stakeholders once, the first stage, the role paths. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Incident incident) {
        ResponsePlan plan = ResponsePlan.forIncident(incident.incidentType, incident.severity).orElse(null);
        SeverityDefinition severity = SeverityDefinition.of(incident.severity);
        EscalationPolicy policy = plan == null ? null : EscalationPolicy.findById(plan.policyId);
        Opening opening = Opening.of(plan, policy, severity, incident.requiredRoles());
        List<String> required = opening.requiredRoles();
        if (plan == null) {
            timeline.record(incident.id, TimelineKind.NO_PLAN, Timeline.SYSTEM, "no response plan for "
                    + incident.incidentType
                    + " / " + incident.severity + (required.isEmpty() ? "; nobody paged" : "; engaging " + required));
            startRolePaths(incident, required, severity);
            return;
        }
        incident.planId = plan.id;
        incident.policyId = policy.id;
        timeline.record(incident.id, TimelineKind.PLAN, Timeline.SYSTEM, "response plan " + plan.incidentType + " / "
                + plan.severity + " chose policy '" + policy.name + "'"
                + (required.isEmpty() ? "" : "; roles that must be engaged: " + String.join(", ", required)));
        StageDefinition informed = opening.informed();
        if (!informed.roles().isEmpty() || !informed.contacts().isEmpty()) {
            List<OnCallResolver.Target> targets = resolver.resolve(informed, List.of(), clock.instant()).targets();
            targets.forEach(t -> page(incident, t, STAGE_PATH, 0, 0, true));
            if (!targets.isEmpty()) {
                timeline.record(incident.id, TimelineKind.STAKEHOLDERS_NOTIFIED, Timeline.SYSTEM, "informed "
                        + names(targets));
            }
        }
        enter(incident, policy, 0, 0, -1, null, opening.firstStageExtras());
        startRolePaths(incident, required, severity);
    }

    /**
     * The severity went up: roles the new plan requires that the incident has not engaged yet are paged now on paths
     * of their own. Nobody is un-paged when it goes down.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> replan(Incident incident) {
        ResponsePlan plan = ResponsePlan.forIncident(incident.incidentType, incident.severity).orElse(null);
        List<String> added = new ArrayList<>();
        EscalationPolicy policy = plan == null ? null : EscalationPolicy.findById(plan.policyId);
        SeverityDefinition severity = SeverityDefinition.of(incident.severity);
        for (String role : Opening.of(plan, policy, severity, incident.requiredRoles()).requiredRoles()) {
            RoleEngagement row = RoleEngagement.find(incident.id, role);
            if (row == null || !row.required) {
                added.add(role);
            }
        }
        if (plan != null) {
            incident.planId = plan.id;
        }
        startRolePaths(incident, added, severity);
        return added;
    }

    /** A stage or role timer came due. Does nothing unless the incident still waits on exactly that step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void timerFired(EscalationTimer timer) {
        Incident incident = Incident.findById(timer.incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (timer.track != null && !timer.track.isEmpty()) {
            roleTimerFired(incident, timer);
            return;
        }
        if (!waitingOn(incident, timer.stage, timer.repetition)) {
            return;
        }
        timeline.record(incident.id, TimelineKind.STAGE_TIMED_OUT, Timeline.SYSTEM,
                "stage " + (timer.stage + 1) + " (pass " + Repetitions.onWire(timer.repetition)
                        + ") was not acknowledged in time");
        moveOn(incident, "timeout");
    }

    /**
     * Every channel of one page failed. When that is true of every page of the current stage, the stage path moves
     * on now; when it is true of every page of a required role's current step, that role's path moves on now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageFailed(UUID incidentId, UUID pageId) {
        Incident incident = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        Engagement engagement = Engagement.findById(pageId);
        if (incident == null || engagement == null || engagement.status != Engagement.Status.REQUESTED) {
            return;
        }
        engagement.status = Engagement.Status.FAILED;
        timeline.record(incident.id, TimelineKind.PAGE_FAILED, Timeline.SYSTEM,
                "every channel failed for " + resolver.nameOf(engagement.contactId));
        if (engagement.notifyOnly) {
            return;
        }
        if (engagement.roleKey != null && incident.status != IncidentStatus.RESOLVED) {
            RoleEngagement row = RoleEngagement.find(incident.id, engagement.roleKey);
            if (row != null && row.required && row.status == RoleEngagement.Status.PAGED
                    && pagedInRepetition(incident, row).stream().allMatch(e -> e.status == Engagement.Status.FAILED)) {
                advanceRole(incident, row, "every page for " + row.roleKey + " failed");
            }
        }
        if (!STAGE_PATH.equals(engagement.track) || !waitingOn(incident, engagement.stage, engagement.repetition)) {
            return;
        }
        long stillReachable = Engagement.count("incidentId = ?1 and stage = ?2 and repetition = ?3"
                + " and notifyOnly = false and track = ?4 and status <> ?5", incident.id, engagement.stage,
                engagement.repetition, STAGE_PATH, Engagement.Status.FAILED);
        if (stillReachable == 0) {
            moveOn(incident, "all channels failed");
        }
    }

    /**
     * Someone answered: every role they were paged for in this incident is engaged, and the incident is engaged
     * once every required role is. Idempotent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void engagedBy(Incident incident, UUID contactId, String actor) {
        Instant now = clock.instant();
        if (contactId != null) {
            Set<String> roles = Engagement.<Engagement>list("incidentId = ?1 and contactId = ?2 and notifyOnly = false",
                    incident.id, contactId).stream().map(e -> e.roleKey).filter(r -> r != null)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            for (String role : roles) {
                RoleEngagement row = RoleEngagement.find(incident.id, role);
                if (row != null && row.status != RoleEngagement.Status.ENGAGED) {
                    row.status = RoleEngagement.Status.ENGAGED;
                    row.engagedContact = contactId;
                    row.engagedBy = actor;
                    row.engagedAt = now;
                    timeline.record(incident.id, TimelineKind.ROLE_ENGAGED, actor,
                            role + " engaged by " + resolver.nameOf(contactId));
                }
            }
        }
        if (incident.engagedAt == null) {
            List<RoleEngagement> rows = RoleEngagement.ofIncident(incident.id);
            List<String> waiting = rows.stream().filter(r -> r.required && r.status != RoleEngagement.Status.ENGAGED)
                    .map(r -> r.roleKey).toList();
            if (waiting.isEmpty()) {
                incident.engagedAt = now;
                List<String> required = rows.stream().filter(r -> r.required).map(r -> r.roleKey).toList();
                timeline.record(incident.id, TimelineKind.ENGAGED, Timeline.SYSTEM, required.isEmpty()
                        ? "engaged: acknowledged, and the plan requires no particular role"
                        : "engaged: every required role has someone on it (" + String.join(", ", required) + ")");
                metrics.engaged(incident, now);
            }
        }
    }

    /** Acknowledged or resolved: the stage path enters no further stage (leftover timers find this). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(Incident incident) {
        if (incident.escalationState == EscalationState.ACTIVE) {
            incident.escalationState = EscalationState.STOPPED;
        }
    }

    /**
     * Makes each role required and waits on it: a role the stage path already paged gets its timer; one it did not
     * page is paged now (the first people the rule gives, or its escalation contact at once).
     */
    private void startRolePaths(Incident incident, List<String> roles, SeverityDefinition severity) {
        Instant now = clock.instant();
        for (String role : roles) {
            RoleEngagement row = RoleEngagement.find(incident.id, role);
            boolean alreadyPaged = row != null && row.status == RoleEngagement.Status.PAGED;
            if (row != null && row.status == RoleEngagement.Status.ENGAGED) {
                row.required = true;
                continue;
            }
            if (!alreadyPaged) {
                OnCallResolver.Resolution resolution = resolver.resolve(new StageDefinition(List.of(role), List.of(),
                        List.of(), List.of(), 1), List.of(), now);
                noteUnreachable(incident, resolution);
                int repetition = row == null ? 0 : row.repetition;
                resolution.targets().forEach(t -> page(incident, t, role, 0, repetition, false));
                if (!resolution.nobody()) {
                    timeline.record(incident.id, TimelineKind.ROLE_PAGED, Timeline.SYSTEM,
                            role + " paged on its own path: " + names(resolution.targets()));
                }
                row = RoleEngagement.find(incident.id, role);
            }
            if (row == null) {
                row = unreachableRow(incident, role);
            }
            row.required = true;
            if (row.status == RoleEngagement.Status.PAGED) {
                roleTimer(incident, row, severity);
            }
        }
    }

    private void roleTimerFired(Incident incident, EscalationTimer timer) {
        if (incident == null || incident.status == IncidentStatus.RESOLVED) {
            return;
        }
        RoleEngagement row = RoleEngagement.find(incident.id, timer.track);
        if (row == null || row.status != RoleEngagement.Status.PAGED || row.step != timer.stage
                || row.repetition != timer.repetition) {
            return;
        }
        timeline.record(incident.id, TimelineKind.ROLE_TIMED_OUT, Timeline.SYSTEM, row.roleKey
                + " was not acknowledged in time"
                + " (step " + (row.step + 1) + ", pass " + Repetitions.onWire(row.repetition) + ")");
        advanceRole(incident, row, "timeout");
    }

    /** Pages the role's next candidate not yet paged in this repetition; after the last, the next repetition or
     * exhaustion. */
    private void advanceRole(Incident incident, RoleEngagement row, String reason) {
        Instant now = clock.instant();
        Set<UUID> tried = pagedInRepetition(incident, row).stream().map(e -> e.contactId).collect(Collectors.toSet());
        Candidate next = resolver.candidates(row.roleKey, now).stream()
                .filter(c -> c.reachable() && !tried.contains(c.contactId())).findFirst().orElse(null);
        SeverityDefinition severity = SeverityDefinition.of(incident.severity);
        if (next != null) {
            row.step++;
            OnCallResolver.Target target = new OnCallResolver.Target(next.contactId(), row.roleKey, next.reason());
            page(incident, target, row.roleKey, row.step, row.repetition, false);
            timeline.record(incident.id, TimelineKind.ROLE_ESCALATED, Timeline.SYSTEM, row.roleKey + " (" + reason
                    + "): paging "
                    + names(List.of(target)));
            outbox.publish(IncidentEscalated.ofRole(incident.id, row.roleKey, row.step, row.step + 1,
                    Repetitions.onWire(row.repetition),
                    reason, incident.drill));
            roleTimer(incident, row, severity);
            return;
        }
        EscalationPolicy policy = incident.policyId == null ? null : EscalationPolicy.findById(incident.policyId);
        int lastRepetition = policy == null ? 0 : policy.extraRepetitions;
        if (row.repetition < lastRepetition) {
            row.repetition++;
            row.step = 0;
            OnCallResolver.Resolution again = resolver.resolve(new StageDefinition(List.of(row.roleKey), List.of(),
                    List.of(), List.of(), 1), List.of(), now);
            if (!again.nobody()) {
                again.targets().forEach(t -> page(incident, t, row.roleKey, 0, row.repetition, false));
                timeline.record(incident.id, TimelineKind.ROLE_REPEATED, Timeline.SYSTEM, row.roleKey
                        + ": starting pass "
                        + Repetitions.onWire(row.repetition) + " of " + Repetitions.onWire(lastRepetition)
                        + ", paging " + names(again.targets()));
                roleTimer(incident, row, severity);
                return;
            }
        }
        row.status = RoleEngagement.Status.EXHAUSTED;
        timeline.record(incident.id, TimelineKind.ROLE_EXHAUSTED, Timeline.SYSTEM, row.roleKey
                + ": everyone who could answer was paged and nobody acknowledged");
    }

    /** The pages of the role's current repetition: its own path's, and in the first repetition the stage path's too. */
    private static List<Engagement> pagedInRepetition(Incident incident, RoleEngagement row) {
        return Engagement.<Engagement>list("incidentId = ?1 and roleKey = ?2 and notifyOnly = false", incident.id,
                row.roleKey).stream()
                .filter(e -> row.roleKey.equals(e.track) ? e.repetition == row.repetition : row.repetition == 0)
                .toList();
    }

    private void roleTimer(Incident incident, RoleEngagement row, SeverityDefinition severity) {
        EscalationTimer timer = new EscalationTimer();
        timer.id = UUID.randomUUID();
        timer.incidentId = incident.id;
        timer.track = row.roleKey;
        timer.stage = row.step;
        timer.repetition = row.repetition;
        timer.dueAt = clock.instant().plusSeconds(severity.ackTargetSeconds);
        if (EscalationTimer.count("incidentId = ?1 and track = ?2 and stage = ?3 and repetition = ?4", incident.id,
                row.roleKey, row.step, row.repetition) == 0) {
            timer.persist();
        }
    }

    private boolean waitingOn(Incident incident, int stage, int repetition) {
        return incident != null && incident.status == IncidentStatus.TRIGGERED
                && incident.escalationState == EscalationState.ACTIVE
                && incident.currentStage == stage && incident.currentRepetition == repetition;
    }

    private void moveOn(Incident incident, String reason) {
        EscalationPolicy policy = EscalationPolicy.findById(incident.policyId);
        if (policy == null) {
            incident.escalationState = EscalationState.EXHAUSTED;
            timeline.record(incident.id, TimelineKind.ESCALATION_EXHAUSTED, Timeline.SYSTEM,
                    "the escalation policy was deleted; nobody further can be paged");
            return;
        }
        enter(incident, policy, incident.currentStage + 1, incident.currentRepetition, incident.currentStage, reason,
                List.of());
    }

    /**
     * Enters {@code stage} of repetition {@code repetition}, wrapping to the next repetition after the last stage, and
     * skipping
     * stages whose targets resolve to nobody. Bounded by the number of stages in all repetitions. {@code extraRoles}
     * are
     * paged with the stage if it is the first one entered.
     */
    private void enter(Incident incident, EscalationPolicy policy, int stage, int repetition, int fromStage,
            String reason, List<String> extraRoles) {
        List<StageDefinition> stages = policy.stages();
        int ackTarget = SeverityDefinition.of(incident.severity).ackTargetSeconds;
        Instant now = clock.instant();
        for (int step = 0; step <= stages.size() * policy.repetitions(); step++) {
            if (stage >= stages.size()) {
                if (repetition >= policy.extraRepetitions) {
                    incident.escalationState = EscalationState.EXHAUSTED;
                    timeline.record(incident.id, TimelineKind.ESCALATION_EXHAUSTED, Timeline.SYSTEM,
                            "every stage of every pass was tried; nobody acknowledged");
                    return;
                }
                repetition++;
                stage = 0;
                timeline.record(incident.id, TimelineKind.POLICY_REPEATED, Timeline.SYSTEM,
                        "starting pass " + Repetitions.onWire(repetition) + " of " + policy.repetitions());
            }
            if (fromStage >= 0) {
                outbox.publish(new IncidentEscalated(incident.id, fromStage + 1, stage + 1,
                        Repetitions.onWire(repetition), reason,
                        incident.drill));
            }
            incident.currentStage = stage;
            incident.currentRepetition = repetition;
            incident.updatedAt = now;
            StageDefinition definition = stages.get(stage);
            List<String> engaged = fromStage < 0 && stage == 0 && repetition == 0 ? extraRoles : List.of();
            OnCallResolver.Resolution resolution = resolver.resolve(definition, engaged, now);
            noteUnreachable(incident, resolution);
            if (resolution.nobody()) {
                timeline.record(incident.id, TimelineKind.STAGE_SKIPPED, Timeline.SYSTEM, "stage " + (stage + 1)
                        + " (pass "
                        + Repetitions.onWire(repetition) + ") skipped: nobody on call for " + describe(definition,
                        engaged));
                fromStage = stage;
                reason = "nobody on call";
                stage++;
                continue;
            }
            for (OnCallResolver.Target target : resolution.targets()) {
                page(incident, target, STAGE_PATH, stage, repetition, false);
            }
            EscalationTimer timer = new EscalationTimer();
            timer.id = UUID.randomUUID();
            timer.incidentId = incident.id;
            timer.stage = stage;
            timer.repetition = repetition;
            timer.dueAt = now.plusSeconds(definition.timeoutOr(ackTarget));
            timer.persist();
            incident.escalationState = EscalationState.ACTIVE;
            timeline.record(incident.id, TimelineKind.STAGE_PAGED, Timeline.SYSTEM, "stage " + (stage + 1) + " (pass "
                    + Repetitions.onWire(repetition) + ") paged " + names(resolution.targets()) + "; waits until "
                    + timer.dueAt);
            return;
        }
    }

    /** A role nobody can answer for is on the timeline and counted; one handed to its escalation contact too. */
    private void noteUnreachable(Incident incident, OnCallResolver.Resolution resolution) {
        for (String role : resolution.unreachableRoles()) {
            timeline.record(incident.id, TimelineKind.ROLE_UNREACHABLE, Timeline.SYSTEM,
                    "nobody who could answer for " + role
                    + " can be reached (no holder active with a verified channel, no escalation contact)");
            metrics.roleUnreachable(incident, role);
            if (RoleEngagement.find(incident.id, role) == null) {
                unreachableRow(incident, role);
            }
        }
        for (OnCallResolver.Target target : resolution.escalatedAtOnce()) {
            timeline.record(incident.id, TimelineKind.ROLE_ESCALATED, Timeline.SYSTEM, "no holder of "
                    + target.roleKey()
                    + " can be reached: paging the role's escalation contact " + resolver.nameOf(target.contactId())
                    + " at once");
            metrics.roleUnreachable(incident, target.roleKey());
        }
    }

    private RoleEngagement unreachableRow(Incident incident, String role) {
        RoleEngagement row = new RoleEngagement();
        row.incidentId = incident.id;
        row.roleKey = role;
        row.status = RoleEngagement.Status.UNREACHABLE;
        row.persist();
        return row;
    }

    private void page(Incident incident, OnCallResolver.Target target, String track, int stage, int repetition,
            boolean notifyOnly) {
        boolean already = Engagement.count("incidentId = ?1 and contactId = ?2 and track = ?3 and stage = ?4"
                + " and repetition = ?5 and notifyOnly = ?6", incident.id, target.contactId(), track, stage, repetition,
                notifyOnly) > 0;
        if (already) {
            return;
        }
        Engagement engagement = new Engagement();
        engagement.pageId = UUID.randomUUID();
        engagement.incidentId = incident.id;
        engagement.contactId = target.contactId();
        engagement.roleKey = target.roleKey();
        engagement.track = track;
        engagement.stage = stage;
        engagement.repetition = repetition;
        engagement.notifyOnly = notifyOnly;
        engagement.status = Engagement.Status.REQUESTED;
        engagement.requestedAt = clock.instant();
        engagement.persist();
        if (target.roleKey() != null && !notifyOnly) {
            RoleEngagement row = RoleEngagement.find(incident.id, target.roleKey());
            if (row == null) {
                row = new RoleEngagement();
                row.incidentId = incident.id;
                row.roleKey = target.roleKey();
                row.status = RoleEngagement.Status.PAGED;
                row.persist();
            } else if (row.status == RoleEngagement.Status.UNREACHABLE) {
                row.status = RoleEngagement.Status.PAGED;
            }
            if (row.firstPagedAt == null) {
                row.firstPagedAt = engagement.requestedAt;
            }
        }
        outbox.publish(notifyOnly
                ? PageRequested.notice(engagement.pageId, target.contactId(), target.roleKey(), incident.pageAbout())
                : PageRequested.forStage(engagement.pageId, target.contactId(), target.roleKey(), stage + 1,
                        Repetitions.onWire(repetition), incident.pageAbout()));
    }

    private String names(List<OnCallResolver.Target> targets) {
        return targets.stream().map(t -> resolver.nameOf(t.contactId())
                + (t.roleKey() == null ? "" : " (" + t.roleKey() + why(t.reason()) + ")"))
                .collect(Collectors.joining(", "));
    }

    private static String why(Reason reason) {
        return reason == null || reason == Reason.ON_CALL ? "" : ", " + reason.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ');
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
