package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One lifecycle event of a real incident, kept for its review's timeline summary; the event id is the key. */
@Entity
@Table(name = "incident_timeline_entry")
public class IncidentTimelineEntry extends PanacheEntityBase {

    public enum Kind {
        TRIGGERED, ACKNOWLEDGED, ESCALATED, SEVERITY_CHANGED, RECLASSIFIED, PHASE_CHANGED, RESOLVED
    }

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String detail;
}
