package io.muster.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The directory's copy of one action item from a game day run's or an incident's review, as the game-day service
 * last published it ({@code ActionItemSnapshot}); readiness reports the open and overdue ones.
 */
@Entity
@Table(name = "action_item_replica")
public class ActionItemReplica extends PanacheEntityBase {

    @Id
    @Column(name = "action_item_id")
    public UUID actionItemId;

    /** {@code GAME_DAY_RUN} or {@code INCIDENT_REVIEW}. */
    public String source;

    @Column(name = "source_id")
    public UUID sourceId;

    @Column(name = "source_title")
    public String sourceTitle;

    public String title;

    @Column(name = "owner_contact_id")
    public UUID ownerContactId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    /** {@code OPEN} or {@code DONE}. */
    public String status;

    /** When the snapshot held here was published; an older one arriving later is ignored. */
    @Column(name = "updated_at")
    public Instant updatedAt;
}
