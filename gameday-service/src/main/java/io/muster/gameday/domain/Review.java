package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A lessons-learned review of a game day run or of a real incident: what went well, what did not, the root causes
 * and lessons, and the {@link ActionItem}s they call for. Runs and incidents share this one model.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    public enum Source {
        GAME_DAY_RUN, INCIDENT
    }

    public enum Status {
        /** Lessons and action items may still be changed. */
        OPEN,
        /** Closed by a responder; its action items go on until done. */
        COMPLETED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "incident_id")
    public UUID incidentId;

    /** The game day's title, or the incident's. */
    public String title;

    @Enumerated(EnumType.STRING)
    public Status status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "went_well")
    public List<String> wentWell;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "did_not_go_well")
    public List<String> didNotGoWell;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "root_causes")
    public List<String> rootCauses;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** When lessons were last recorded; null while none were. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    /** The id of what the review is about: the run or the incident. */
    public UUID subjectId() {
        return source == Source.GAME_DAY_RUN ? runId : incidentId;
    }

    public static Review open(Source source, UUID subjectId, String title, Instant at) {
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.source = source;
        review.runId = source == Source.GAME_DAY_RUN ? subjectId : null;
        review.incidentId = source == Source.INCIDENT ? subjectId : null;
        review.title = title;
        review.status = Status.OPEN;
        review.wentWell = List.of();
        review.didNotGoWell = List.of();
        review.rootCauses = List.of();
        review.openedAt = at;
        return review;
    }
}
