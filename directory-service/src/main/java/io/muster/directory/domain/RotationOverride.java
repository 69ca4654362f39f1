package io.muster.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link #contactId} covers a rotation from {@link #startsAt} (inclusive) to {@link #endsAt} (exclusive). */
@Entity
@Table(name = "rotation_override")
public class RotationOverride extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rotation_id")
    public UUID rotationId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<RotationOverride> ofRotation(UUID rotationId) {
        return list("rotationId = ?1 order by startsAt, id", rotationId);
    }
}
