package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A secret that a calling system puts in the URL or body (PagerDuty's routing_key, an Alertmanager webhook URL)
 * because those clients cannot send bearer tokens; it names the incident type its events open.
 */
@Entity
@Table(name = "integration_key")
public class IntegrationKey extends PanacheEntityBase {

    @Id
    @Column(name = "integration_key")
    public String key;

    public String name;

    @Column(name = "incident_type")
    public String incidentType;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
