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

/** A member of the incident-response directory: who they are, which roles they hold, how urgently to engage them. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "display_name")
    public String displayName;

    public String department;

    @Column(name = "manager_id")
    public UUID managerId;

    @Column(name = "time_zone")
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> skills;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> certifications;

    /** Keys of {@link IrRole}s this person holds. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles;

    /** 1 = engaged for every incident .. 4 = critical incidents only. */
    @Column(name = "escalation_level")
    public int escalationLevel;

    @Column(name = "backup_contact_id")
    public UUID backupContactId;

    /** Free-form availability, e.g. "Mon-Fri 08:00-18:00 Europe/London". */
    public String availability;

    @Column(name = "last_reviewed_at")
    public Instant lastReviewedAt;

    @Column(name = "last_reviewed_by")
    public String lastReviewedBy;

    public boolean active;

    /** The username the person signs in with; unique ignoring case, null when they do not sign in. */
    public String login;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
