package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** When the stage being waited on times out. Deleted when it fires or when escalation moves on or stops. */
@Entity
@Table(name = "escalation_timer")
public class EscalationTimer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id")
    public UUID incidentId;

    /** "" for a stage's timer; a role's key for the timer of that role's own path (stage = its step). */
    public String track = "";

    public int stage;

    @Column(name = "cycle")
    public int repetition;

    @Column(name = "due_at")
    public Instant dueAt;
}
