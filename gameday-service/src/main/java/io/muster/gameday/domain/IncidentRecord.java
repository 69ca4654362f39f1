package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the incident events told this service about one real incident: enough to title and summarise its review. */
@Entity
@Table(name = "incident_record")
public class IncidentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    /** Null when the trigger was never seen (the incident opened before this service followed the topic). */
    public String title;

    @Column(name = "incident_type")
    public String incidentType;

    /** The latest severity. */
    public String severity;

    @Column(name = "triggered_at")
    public Instant triggeredAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;
}
