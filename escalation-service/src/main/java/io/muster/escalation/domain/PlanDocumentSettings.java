package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The parts of the incident response plan document that are not derived from other data: the team overview text,
 * how often the plan must be reviewed and when it is next due. One row (the plan is the installation's).
 */
@Entity
@Table(name = "plan_document")
public class PlanDocumentSettings extends PanacheEntityBase {

    static final int THE_ONE = 1;

    @Id
    public int id;

    public String overview;

    @Column(name = "review_interval_days")
    public int reviewIntervalDays;

    /** Null until the first publish or an explicit review date. */
    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static PlanDocumentSettings current() {
        return require(findById(THE_ONE));
    }

    /** The row locked for this transaction: publishes and review changes are serialised on it. */
    public static PlanDocumentSettings locked() {
        return require(findById(THE_ONE, LockModeType.PESSIMISTIC_WRITE));
    }

    private static PlanDocumentSettings require(PlanDocumentSettings row) {
        if (row == null) {
            throw new IllegalStateException("the plan_document row is missing (migration V11 seeds it)");
        }
        return row;
    }
}
