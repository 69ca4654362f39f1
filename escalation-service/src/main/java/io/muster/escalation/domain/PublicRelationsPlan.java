package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * How the organisation speaks outside during an incident: the role whose holder is the spokesperson, the roles one
 * of whose holders approves each external statement, guidance for whoever writes one, and a holding statement to
 * start from. One per installation (row id 1, seeded by migration V10); admins replace it.
 */
@Entity
@Table(name = "public_relations_plan")
public class PublicRelationsPlan extends PanacheEntityBase {

    public static final short THE_PLAN = 1;

    @Id
    public short id = THE_PLAN;

    @Column(name = "spokesperson_role")
    public String spokespersonRole;

    @Column(name = "approver_roles")
    public String approverRolesJson = "[]";

    public String guidance = "";

    @Column(name = "holding_statement_template")
    public String holdingStatementTemplate = "";

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public List<String> approverRoles() {
        return JsonColumns.strings(approverRolesJson, "public-relations plan");
    }

    public void approverRoles(List<String> roles) {
        approverRolesJson = JsonColumns.write(roles == null ? List.of() : roles);
    }

    /** The installation's plan; the migration seeds it, so it is always there. */
    public static PublicRelationsPlan current() {
        PublicRelationsPlan plan = findById(THE_PLAN);
        if (plan == null) {
            throw new IllegalStateException("no public-relations plan (migration V10 seeds one)");
        }
        return plan;
    }
}
