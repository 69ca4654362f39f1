package io.muster.directory.domain;

import io.muster.contracts.directory.RotationSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An on-call rotation of a team for one role. Who is on call is computed by {@link RotationSnapshot#onCallAt}. */
@Entity
@Table(name = "rotation")
public class Rotation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "role_key")
    public String roleKey;

    @Column(name = "time_zone")
    public String timeZone;

    /** Local wall-clock time of the first hand-off in {@link #timeZone}. */
    @Column(name = "handoff_start")
    public LocalDateTime handoffStart;

    @Enumerated(EnumType.STRING)
    @Column(name = "shift_unit")
    public RotationSnapshot.ShiftUnit shiftUnit;

    @Column(name = "shift_length")
    public int shiftLength;

    /** Person ids in rotation order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> members;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
