package io.muster.escalation.domain;

import io.muster.contracts.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    public String summary;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(name = "incident_type")
    public String incidentType;

    public String source;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    /** Raised by a game day; never counted in production response metrics. */
    public boolean drill;

    /** How many triggers were folded into this incident by its dedup key. */
    @Column(name = "trigger_count")
    public int triggerCount;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Incident> findOpenByDedupKey(String dedupKey) {
        return find("dedupKey = ?1 and status <> ?2", dedupKey, IncidentStatus.RESOLVED).firstResultOptional();
    }
}
