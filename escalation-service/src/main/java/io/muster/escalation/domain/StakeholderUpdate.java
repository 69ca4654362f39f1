package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One update given to an incident's stakeholders: internal (paged to them) or an external statement. */
@Entity
@Table(name = "stakeholder_update")
public class StakeholderUpdate extends PanacheEntityBase {

    public enum Audience {
        INTERNAL, EXTERNAL
    }

    @Id
    public UUID id;

    @Column(name = "incident_id")
    public UUID incidentId;

    /** 1 for the incident's first update, and so on. */
    public int seq;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    public String message;

    /** Who approved an external statement (a login or email), and the plan's approver role they approved as. */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_by_role")
    public String approvedByRole;

    @Column(name = "given_by")
    public String givenBy;

    @Column(name = "given_at")
    public Instant givenAt;

    /** How many stakeholders it was paged to (internal updates; 0 for external ones). */
    @Column(name = "pages_sent")
    public int pagesSent;
}
