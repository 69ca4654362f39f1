package io.muster.escalation.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Incident type x severity -> escalation policy, plus roles paged together with the first stage and the roles
 * that must each be engaged.
 */
@Entity
@Table(name = "response_plan")
public class ResponsePlan extends PanacheEntityBase {

    /** The incident type of plans that apply to every type without a plan of its own. */
    public static final String ANY_TYPE = "*";

    @Id
    public UUID id;

    @Column(name = "incident_type")
    public String incidentType;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(name = "policy_id")
    public UUID policyId;

    @Column(name = "roles_to_engage")
    public String rolesToEngageJson;

    @Column(name = "required_roles")
    public String requiredRolesJson = "[]";

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> rolesToEngage() {
        try {
            return JsonColumns.MAPPER.readValue(rolesToEngageJson, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan " + id + " has unreadable roles", e);
        }
    }

    public void rolesToEngage(List<String> roles) {
        try {
            rolesToEngageJson = JsonColumns.MAPPER.writeValueAsString(roles == null ? List.of() : roles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Roles that must each be engaged: each escalates on its own path until someone paged for it acknowledges. */
    public List<String> requiredRoles() {
        return JsonColumns.strings(requiredRolesJson, "plan " + id);
    }

    public void requiredRoles(List<String> roles) {
        requiredRolesJson = JsonColumns.write(roles == null ? List.of() : roles);
    }

    /** The plan for this type and severity, else the catch-all plan for the severity. */
    public static Optional<ResponsePlan> forIncident(String incidentType, Severity severity) {
        Optional<ResponsePlan> own = find("incidentType = ?1 and severity = ?2", incidentType, severity)
                .firstResultOptional();
        return own.isPresent() ? own
                : find("incidentType = ?1 and severity = ?2", ANY_TYPE, severity).firstResultOptional();
    }
}
