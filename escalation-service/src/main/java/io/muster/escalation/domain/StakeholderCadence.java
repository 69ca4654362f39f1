package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An open incident whose severity has an update cadence: when its next stakeholder update is due, and when the
 * communications lead is reminded (the same instant until a reminder fires, then one cadence later each time).
 * Claimed with {@code FOR UPDATE SKIP LOCKED} by the reminder poller; deleted when the incident is resolved or its
 * severity has no cadence.
 */
@Entity
@Table(name = "stakeholder_cadence")
public class StakeholderCadence extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "update_due_at")
    public Instant updateDueAt;

    @Column(name = "remind_at")
    public Instant remindAt;

    public int reminders;
}
