package io.muster.escalation.domain;

import io.muster.contracts.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * What a severity means and how it drives escalation: criteria a person can read, how long a page waits for an
 * acknowledgement (a stage without its own timeout, and every required role's own path), whether every channel
 * is used at once, whether its SMS skip bundling, the roles always informed,
 * and how often stakeholders are owed an update. Editable by admins.
 */
@Entity
@Table(name = "severity_definition")
public class SeverityDefinition extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String name;

    public String criteria;

    @Column(name = "ack_target_seconds")
    public int ackTargetSeconds;

    @Column(name = "all_channels_at_once")
    public boolean allChannelsAtOnce;

    @Column(name = "bundling_exempt")
    public boolean bundlingExempt;

    @Column(name = "stakeholder_roles")
    public String stakeholderRolesJson;

    /** Minutes between stakeholder updates while an incident of this severity is open; null for none. */
    @Column(name = "update_cadence_minutes")
    public Integer updateCadenceMinutes;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> stakeholderRoles() {
        return JsonColumns.strings(stakeholderRolesJson, "severity " + severity);
    }

    public void stakeholderRoles(List<String> roles) {
        stakeholderRolesJson = JsonColumns.write(roles == null ? List.of() : roles);
    }

    /** The definition of a severity; the table is seeded with all four and rows are never deleted. */
    public static SeverityDefinition of(Severity severity) {
        SeverityDefinition definition = findById(severity);
        if (definition == null) {
            throw new IllegalStateException("no definition for severity " + severity);
        }
        return definition;
    }
}
