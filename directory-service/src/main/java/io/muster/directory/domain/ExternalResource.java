package io.muster.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An outside party the response may call on; regulators carry a notification deadline and an owning role. */
@Entity
@Table(name = "external_resource")
public class ExternalResource extends PanacheEntityBase {

    public enum Kind {
        VENDOR, CLOUD_SUPPORT, MSSP, LAW_ENFORCEMENT, REGULATOR
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String organisation;

    @Column(name = "service_type")
    public String serviceType;

    @Column(name = "contract_number")
    public String contractNumber;

    @Column(name = "support_level")
    public String supportLevel;

    @Column(name = "primary_name")
    public String primaryName;

    @Column(name = "primary_email")
    public String primaryEmail;

    @Column(name = "primary_phone")
    public String primaryPhone;

    @Column(name = "escalation_name")
    public String escalationName;

    @Column(name = "escalation_email")
    public String escalationEmail;

    @Column(name = "escalation_phone")
    public String escalationPhone;

    public String availability;

    @Column(name = "response_sla_minutes")
    public Integer responseSlaMinutes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> expertise;

    @Column(name = "notification_deadline_hours")
    public Integer notificationDeadlineHours;

    @Column(name = "owning_role_key")
    public String owningRoleKey;

    /** Incident types whose response must notify this party; "*" for every type. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "notify_for_incident_types")
    public List<String> notifyForIncidentTypes;

    /** When someone last confirmed that the primary contact answers. */
    @Column(name = "contact_verified_at")
    public Instant contactVerifiedAt;

    @Column(name = "review_due_on")
    public LocalDate reviewDueOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
