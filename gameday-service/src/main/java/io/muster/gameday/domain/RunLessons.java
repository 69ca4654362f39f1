package io.muster.gameday.domain;

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

/** What went well and what did not in one run; its action items are {@link ActionItem} rows. */
@Entity
@Table(name = "run_lessons")
public class RunLessons extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "went_well")
    public List<String> wentWell;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "did_not_go_well")
    public List<String> didNotGoWell;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
