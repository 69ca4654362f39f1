package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event of a drill incident (lifecycle, page requested, delivery change, ack); scorecards come from these. */
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

    @Column(name = "page_id")
    public UUID pageId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "role_key")
    public String roleKey;

    public Integer stage;

    @Column(name = "to_stage")
    public Integer toStage;

    public String channel;

    public String status;

    public Integer attempt;

    public String method;

    public String detail;

    @Column(name = "notify_only")
    public boolean notifyOnly;

    public Observation toObservation() {
        return new Observation(eventId, eventType, occurredAt, pageId, contactId, roleKey, stage, toStage, channel,
                status, attempt, method, detail, notifyOnly);
    }
}
