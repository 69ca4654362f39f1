package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What responders do for an incident type, phase by phase: a name, a description and ordered {@link PlaybookStep}s.
 * The playbook of type {@link #ANY_TYPE} applies to every type without one of its own. A raised incident gets a
 * copy of its playbook's steps ({@link IncidentPlaybookStep}), so editing a playbook never changes a running
 * incident.
 */
@Entity
@Table(name = "playbook")
public class Playbook extends PanacheEntityBase {

    /** The incident type of the playbook for every type without one of its own. */
    public static final String ANY_TYPE = ResponsePlan.ANY_TYPE;

    @Id
    @Column(name = "incident_type")
    public String incidentType;

    public String name;

    public String description = "";

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The steps in order: by phase, then as listed within the phase. */
    public List<PlaybookStep> steps() {
        return PlaybookStep.ofPlaybook(incidentType);
    }

    /** Every playbook, {@code *} first, then by incident type. */
    public static List<Playbook> all() {
        return list("order by case when incidentType = ?1 then 0 else 1 end, incidentType", ANY_TYPE);
    }

    /** The playbook of this incident type, else the {@code *} playbook, else none. */
    public static Optional<Playbook> forIncidentType(String incidentType) {
        Optional<Playbook> own = findByIdOptional(incidentType);
        return own.isPresent() ? own : findByIdOptional(ANY_TYPE);
    }
}
