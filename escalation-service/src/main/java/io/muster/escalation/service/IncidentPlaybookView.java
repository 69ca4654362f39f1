package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentPhase;
import io.muster.escalation.domain.IncidentPlaybookStep;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's playbook: which playbook its steps were last copied from ({@code playbookType}, null for none), its
 * phase and since when, and every phase in order with its steps (a phase without steps has an empty list).
 */
public record IncidentPlaybookView(UUID incidentId, String incidentType, String playbookType, IncidentPhase phase,
        Instant phaseSince, int stepsDone, int stepsTotal, List<Phase> phases) {

    /** The steps of one phase; {@code current} marks the phase the incident is in. */
    public record Phase(IncidentPhase phase, boolean current, int done, List<Step> steps) {
    }

    /**
     * A step of an incident's playbook. {@code incidentType} is the type the incident had when the step was copied
     * and {@code playbookType} the playbook it came from; {@code fromEarlierType} is true for a step done before the
     * incident was reclassified. {@code ownerRoleName} is the role's name in the directory (null when the replica
     * does not know the role). The audit log keeps a step in this shape before and after it is marked done; its
     * fields match the API's step view.
     */
    public record Step(String key, IncidentPhase phase, String title, String detail, String ownerRole,
            String ownerRoleName, String link, String incidentType, String playbookType, boolean fromEarlierType,
            boolean done, Instant doneAt, String doneBy, UUID doneContactId, String doneByName, String note) {

        static Step of(IncidentPlaybookStep s, String currentType, String ownerRoleName, String doneByName) {
            return new Step(s.stepKey, s.phase, s.title, s.detail, s.ownerRole, ownerRoleName, s.link,
                    s.incidentType, s.playbookType, !s.incidentType.equals(currentType), s.done(), s.doneAt, s.doneBy,
                    s.doneContactId, doneByName, s.doneNote);
        }
    }
}
