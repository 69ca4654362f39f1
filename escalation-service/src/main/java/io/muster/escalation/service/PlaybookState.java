package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentPhase;
import io.muster.escalation.domain.Playbook;
import io.muster.escalation.domain.PlaybookStep;
import java.time.Instant;
import java.util.List;

/**
 * A playbook as stored: {@code steps} by phase (DETECT first), then in the order the admin gave them within the
 * phase. The audit log keeps it before and after a change; its fields match the API's playbook view, so an entry
 * reads like the playbook the caller saw.
 */
public record PlaybookState(String incidentType, String name, String description, List<Step> steps,
        Instant updatedAt, String updatedBy) {

    public record Step(String key, IncidentPhase phase, String title, String detail, String ownerRole, String link) {

        public static Step of(PlaybookStep s) {
            return new Step(s.stepKey, s.phase, s.title, s.detail, s.ownerRole, s.link);
        }
    }

    public static PlaybookState of(Playbook p, List<PlaybookStep> steps) {
        return new PlaybookState(p.incidentType, p.name, p.description, steps.stream().map(Step::of).toList(),
                p.updatedAt, p.updatedBy);
    }
}
