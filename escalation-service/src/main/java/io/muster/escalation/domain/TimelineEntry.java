package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to an incident (raised, paged, stage skipped, escalated, acknowledged, note...). */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public Instant at;

    public String kind;

    public String actor;

    public String detail;
}
