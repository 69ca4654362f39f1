package io.muster.escalation.domain;

import io.muster.contracts.pages.AckMethod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One page requested for one person at one stage and repetition of an incident's escalation. */
@Entity
@Table(name = "engagement")
public class Engagement extends PanacheEntityBase {

    public enum Status {
        REQUESTED, FAILED, ACKNOWLEDGED
    }

    @Id
    @Column(name = "page_id")
    public UUID pageId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "role_key")
    public String roleKey;

    public int stage;

    @Column(name = "cycle")
    public int repetition;

    /** "" for a page sent by entering a stage; the role's key for a page sent on that role's own path. */
    public String track = "";

    @Column(name = "notify_only")
    public boolean notifyOnly;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ack_method")
    public AckMethod ackMethod;
}
