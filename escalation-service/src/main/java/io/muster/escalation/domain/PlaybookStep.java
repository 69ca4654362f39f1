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
import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link Playbook}: a key stable across edits (responders mark a step done by it), the phase it
 * belongs to, a title, optional detail, the IR role that owns it (a directory role key) and an optional https link.
 */
@Entity
@Table(name = "playbook_step")
@IdClass(PlaybookStep.Key.class)
public class PlaybookStep extends PanacheEntityBase {

    public static final class Key implements Serializable {
        public String incidentType;
        public String stepKey;

        public Key() {
        }

        public Key(String incidentType, String stepKey) {
            this.incidentType = incidentType;
            this.stepKey = stepKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentType, k.incidentType)
                    && Objects.equals(stepKey, k.stepKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentType, stepKey);
        }
    }

    @Id
    @Column(name = "incident_type")
    public String incidentType;

    @Id
    @Column(name = "step_key")
    public String stepKey;

    @Enumerated(EnumType.STRING)
    public IncidentPhase phase;

    /** Position in the playbook: by phase first, then as listed within the phase. */
    public int ordinal;

    public String title;

    public String detail = "";

    @Column(name = "owner_role")
    public String ownerRole;

    /** An https link (runbook, console, form), or null. */
    public String link;

    public static List<PlaybookStep> ofPlaybook(String incidentType) {
        return list("incidentType = ?1 order by ordinal", incidentType);
    }

    public static long deleteOfPlaybook(String incidentType) {
        return delete("incidentType", incidentType);
    }
}
