package io.muster.gameday.domain;

import io.muster.contracts.gameday.ActionItemSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up a review calls for: who (a directory person) does what by when. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    public enum Status {
        OPEN, DONE
    }

    @Id
    public UUID id;

    @Column(name = "review_id")
    public UUID reviewId;

    /** Order within the review, as written. */
    public int position;

    public String title;

    /** The owner in the directory; null while unassigned (and for items written before owners were people). */
    @Column(name = "owner_contact_id")
    public UUID ownerContactId;

    /** A free-text note on ownership (a team, or the name written before owners came from the directory). */
    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "done_at")
    public Instant doneAt;

    /** The last day (in the reminder zone) its owner was reminded that it is overdue. */
    @Column(name = "last_reminded_on")
    public LocalDate lastRemindedOn;

    @Column(name = "reminders_sent")
    public int remindersSent;

    public boolean done() {
        return status == Status.DONE;
    }

    public boolean overdueOn(LocalDate today) {
        return status == Status.OPEN && dueDate.isBefore(today);
    }

    /** The item's state as the directory's readiness follows it. */
    public ActionItemSnapshot snapshot(Review review) {
        return new ActionItemSnapshot(id, review.source == Review.Source.GAME_DAY_RUN
                ? ActionItemSnapshot.Source.GAME_DAY_RUN : ActionItemSnapshot.Source.INCIDENT_REVIEW,
                review.subjectId(), review.title, title, ownerContactId, dueDate,
                done() ? ActionItemSnapshot.Status.DONE : ActionItemSnapshot.Status.OPEN);
    }
}
