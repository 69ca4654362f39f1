package io.muster.escalation.domain;

import io.muster.contracts.incidents.IncidentPhase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A playbook step copied into an incident when it was raised (or reclassified), and whether it is done: by whom,
 * when, with what note. {@code incidentType} is the type the incident had when the step was copied and
 * {@code playbookType} the playbook it came from (that type, or {@code *}); after a reclassification the steps
 * already done keep their old type.
 */
@Entity
@Table(name = "incident_playbook_step")
@IdClass(IncidentPlaybookStep.Key.class)
public class IncidentPlaybookStep extends PanacheEntityBase {

    public static final class Key implements Serializable {
        public UUID incidentId;
        public String stepKey;

        public Key() {
        }

        public Key(UUID incidentId, String stepKey) {
            this.incidentId = incidentId;
            this.stepKey = stepKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentId, k.incidentId) && Objects.equals(stepKey, k.stepKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, stepKey);
        }
    }

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    @Column(name = "step_key")
    public String stepKey;

    @Column(name = "incident_type")
    public String incidentType;

    @Column(name = "playbook_type")
    public String playbookType;

    @Enumerated(EnumType.STRING)
    public IncidentPhase phase;

    public int ordinal;

    public String title;

    public String detail = "";

    @Column(name = "owner_role")
    public String ownerRole;

    public String link;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by")
    public String doneBy;

    /** The directory person who marked it done, when the caller is one. */
    @Column(name = "done_contact_id")
    public UUID doneContactId;

    @Column(name = "done_note")
    public String doneNote;

    public boolean done() {
        return doneAt != null;
    }

    /** The copy of a playbook step for an incident of {@code incidentType}. */
    public static IncidentPlaybookStep copyOf(PlaybookStep step, UUID incidentId, String incidentType) {
        IncidentPlaybookStep copy = new IncidentPlaybookStep();
        copy.incidentId = incidentId;
        copy.stepKey = step.stepKey;
        copy.incidentType = incidentType;
        copy.playbookType = step.incidentType;
        copy.phase = step.phase;
        copy.ordinal = step.ordinal;
        copy.title = step.title;
        copy.detail = step.detail;
        copy.ownerRole = step.ownerRole;
        copy.link = step.link;
        return copy;
    }

    public static IncidentPlaybookStep find(UUID incidentId, String stepKey) {
        return findById(new Key(incidentId, stepKey));
    }

    /** The incident's steps by phase, then in playbook order (phases sort by their place, not their name). */
    public static List<IncidentPlaybookStep> ofIncident(UUID incidentId) {
        List<IncidentPlaybookStep> steps = new ArrayList<>(list("incidentId", incidentId));
        steps.sort(Comparator.comparing((IncidentPlaybookStep s) -> s.phase)
                .thenComparingInt(s -> s.ordinal).thenComparing(s -> s.stepKey));
        return steps;
    }
}
