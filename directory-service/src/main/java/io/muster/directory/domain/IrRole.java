package io.muster.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An incident-response role such as incident commander: what it does and how urgently its holders are paged. */
@Entity
@Table(name = "ir_role")
public class IrRole extends PanacheEntityBase {

    @Id
    @Column(name = "role_key")
    public String key;

    public String name;

    public String responsibilities;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_skills")
    public List<String> requiredSkills;

    /** 1 = engaged for every incident .. 4 = critical incidents only. */
    @Column(name = "default_escalation_level")
    public int defaultEscalationLevel;

    /** 1 = paged first. */
    @Column(name = "notification_priority")
    public int notificationPriority;

    /** Paged for the role after every holder (null for nobody); an active person when set. */
    @Column(name = "escalation_contact_id")
    public UUID escalationContactId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
