package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One lifecycle event of a drill incident, as seen on the incidents topic; scorecards are computed from these. */
@Entity
@Table(name = "drill_observation")
public class DrillObservation extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
