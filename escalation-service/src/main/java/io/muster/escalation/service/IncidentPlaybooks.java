package io.muster.escalation.service;

import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.escalation.domain.Caller;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentPlaybookStep;
import io.muster.escalation.domain.Playbook;
import io.muster.escalation.domain.PlaybookStep;
import io.muster.escalation.domain.TimelineKind;
import io.muster.escalation.persistence.ReplicaDirectory;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The playbook of each incident: a copy of its type's playbook (else the {@code *} one) taken when it is raised, so
 * later edits never change a running incident; steps marked done by responders; the swap to the new type's
 * playbook when it is reclassified (steps done stay, the rest are replaced).
 */
@ApplicationScoped
public class IncidentPlaybooks {

    @Inject
    Clock clock;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    IncidentAccess access;

    @Inject
    OnCallResolver resolver;

    /** What a reclassification did to the playbook. */
    public record Swap(String playbookType, int added, int keptDone, int replaced) {

        String describe() {
            return (playbookType == null ? "no playbook for the new type" : "playbook " + playbookType + ": "
                    + added + " step" + (added == 1 ? "" : "s") + " added")
                    + (replaced == 0 ? "" : ", " + replaced + " not done replaced")
                    + (keptDone == 0 ? "" : ", " + keptDone + " done kept");
        }
    }

    /** A newly raised incident gets a copy of its playbook's steps. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assign(Incident incident) {
        Optional<Playbook> playbook = Playbook.forIncidentType(incident.incidentType);
        if (playbook.isEmpty()) {
            incident.playbookType = null;
            timeline.record(incident.id, TimelineKind.PLAYBOOK, Timeline.SYSTEM, "no playbook for "
                    + incident.incidentType
                    + " and no * playbook");
            return;
        }
        List<PlaybookStep> steps = playbook.get().steps();
        steps.forEach(s -> IncidentPlaybookStep.copyOf(s, incident.id, incident.incidentType).persist());
        incident.playbookType = playbook.get().incidentType;
        timeline.record(incident.id, TimelineKind.PLAYBOOK, Timeline.SYSTEM, "playbook '" + playbook.get().name + "' ("
                + playbook.get().incidentType + "): " + steps.size() + " step" + (steps.size() == 1 ? "" : "s"));
    }

    /**
     * The incident's type changed: steps not yet done are replaced by the new type's playbook; steps done stay, with
     * the type they were done under. A new step whose key a done step already has is not added (it is done).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Swap reclassified(Incident incident) {
        List<IncidentPlaybookStep> current = IncidentPlaybookStep.ofIncident(incident.id);
        Set<String> doneKeys = current.stream().filter(IncidentPlaybookStep::done).map(s -> s.stepKey)
                .collect(Collectors.toSet());
        List<IncidentPlaybookStep> notDone = current.stream().filter(s -> !s.done()).toList();
        notDone.forEach(IncidentPlaybookStep::delete);
        IncidentPlaybookStep.flush();
        Optional<Playbook> playbook = Playbook.forIncidentType(incident.incidentType);
        int added = 0;
        if (playbook.isPresent()) {
            for (PlaybookStep step : playbook.get().steps()) {
                if (!doneKeys.contains(step.stepKey)) {
                    IncidentPlaybookStep.copyOf(step, incident.id, incident.incidentType).persist();
                    added++;
                }
            }
            incident.playbookType = playbook.get().incidentType;
        } else {
            incident.playbookType = null;
        }
        return new Swap(incident.playbookType, added, doneKeys.size(), notDone.size());
    }

    @Transactional
    public IncidentPlaybookView of(UUID incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw Refusal.notFound("Incident", incidentId);
        }
        return view(incident, IncidentPlaybookStep.ofIncident(incidentId));
    }

    /**
     * Marks a step done, once: marking it again is a 409 that says who did it and when, so two responders working
     * the same step learn of each other instead of both being told they did it.
     */
    @Transactional
    public IncidentPlaybookView.Step markDone(UUID incidentId, String stepKey, String note, Caller caller) {
        Incident incident = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw Refusal.notFound("Incident", incidentId);
        }
        access.mayChange(incident, caller, "mark playbook steps of");
        IncidentPlaybookStep step = IncidentPlaybookStep.find(incidentId, stepKey);
        if (step == null) {
            throw Refusal.notFound("Playbook step of incident " + incidentId, stepKey);
        }
        if (step.done()) {
            throw Refusal.conflict("step-already-done", "stepKey", "step " + stepKey + " was marked done by "
                    + step.doneBy + " at " + step.doneAt);
        }
        ReplicaDirectory directory = new ReplicaDirectory();
        IncidentPlaybookView.Step before = stepView(step, incident, directory);
        List<UUID> people = caller.isPerson() ? resolver.contactsKnownAs(caller) : List.of();
        step.doneAt = clock.instant();
        step.doneBy = caller.name();
        step.doneContactId = people.isEmpty() ? null : people.get(0);
        step.doneNote = note == null || note.isBlank() ? null : note.strip();
        incident.updatedAt = step.doneAt;
        timeline.record(incidentId, TimelineKind.PLAYBOOK_STEP_DONE, caller.name(), step.phase + " step " + stepKey
                + " done: "
                + step.title + (step.doneContactId == null ? "" : " (by " + resolver.nameOf(step.doneContactId) + ")")
                + (step.doneNote == null ? "" : " - " + step.doneNote));
        IncidentPlaybookView.Step after = stepView(step, incident, directory);
        audit.record(IncidentDesk.AUDIT_INCIDENT, incidentId, "playbook-step-done", caller.name(), before, after);
        return after;
    }

    private IncidentPlaybookView view(Incident incident, List<IncidentPlaybookStep> steps) {
        ReplicaDirectory directory = new ReplicaDirectory();
        List<IncidentPlaybookView.Phase> phases = new ArrayList<>();
        for (IncidentPhase phase : IncidentPhase.values()) {
            List<IncidentPlaybookView.Step> ofPhase = steps.stream().filter(s -> s.phase == phase)
                    .map(s -> stepView(s, incident, directory)).toList();
            phases.add(new IncidentPlaybookView.Phase(phase, phase == incident.phase,
                    (int) ofPhase.stream().filter(IncidentPlaybookView.Step::done).count(), ofPhase));
        }
        int done = (int) steps.stream().filter(IncidentPlaybookStep::done).count();
        return new IncidentPlaybookView(incident.id, incident.incidentType, incident.playbookType,
                incident.phase, incident.phaseSince, done, steps.size(), phases);
    }

    private static IncidentPlaybookView.Step stepView(IncidentPlaybookStep step, Incident incident,
            ReplicaDirectory directory) {
        String roleName = directory.roster(step.ownerRole).map(RoleRoster::name).orElse(null);
        String doneByName = step.doneContactId == null ? null
                : directory.contact(step.doneContactId).map(c -> c.displayName()).orElse(null);
        return IncidentPlaybookView.Step.of(step, incident.incidentType, roleName, doneByName);
    }
}
