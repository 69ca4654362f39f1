package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * The time an incident has to notify one outside party (a regulator's 72 hours, an insurer's 24): started when the
 * incident opened with, or was reclassified into, a type the party must hear about. The row is also its reminder
 * timer: {@code nextReminderAt} is claimed with {@code FOR UPDATE SKIP LOCKED} and moved on (or cleared) in the
 * transaction that pages the party's owning role. Recording the notification stops it.
 */
@Entity
@Table(name = "deadline_clock")
public class DeadlineClock extends PanacheEntityBase {

    /** Where a clock stands; DUE_SOON once the last reminder before the deadline is due. */
    public enum State {
        RUNNING, DUE_SOON, OVERDUE, NOTIFIED
    }

    @Id
    public UUID id;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "party_id")
    public UUID partyId;

    @Column(name = "party_kind")
    public String partyKind;

    public String organisation;

    @Column(name = "owning_role")
    public String owningRole;

    @Column(name = "deadline_hours")
    public int deadlineHours;

    /** The incident type that started the clock (the type at open, or the one it was reclassified into). */
    @Column(name = "incident_type")
    public String incidentType;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    public boolean drill;

    /** The fraction of the deadline of the last reminder sent (0 before the first). */
    @Column(name = "last_reminder_fraction")
    public double lastReminderFraction;

    @Column(name = "reminders_sent")
    public int remindersSent;

    /** When the next reminder is due; null once none is left or the notification is recorded. */
    @Column(name = "next_reminder_at")
    public Instant nextReminderAt;

    @Column(name = "notified_at")
    public Instant notifiedAt;

    /** Who recorded the notification (the caller's name). */
    @Column(name = "notified_by")
    public String notifiedBy;

    @Column(name = "notification_reference")
    public String notificationReference;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** When the reminder at {@code fraction} of the deadline is due (1.0 = the deadline itself). */
    public Instant reminderAt(double fraction) {
        return startedAt.plusMillis(Math.round(Duration.ofHours(deadlineHours).toMillis() * fraction));
    }

    /** The first of {@code fractions} (ascending) after {@code after}, if any. */
    public static OptionalDouble nextFraction(List<Double> fractions, double after) {
        return fractions.stream().mapToDouble(Double::doubleValue).filter(f -> f > after).min();
    }

    public State stateAt(Instant now, List<Double> fractions) {
        if (notifiedAt != null) {
            return State.NOTIFIED;
        }
        if (!now.isBefore(dueAt)) {
            return State.OVERDUE;
        }
        OptionalDouble lastBeforeDeadline = fractions.stream().mapToDouble(Double::doubleValue).filter(f -> f < 1.0)
                .max();
        return lastBeforeDeadline.isPresent() && !now.isBefore(reminderAt(lastBeforeDeadline.getAsDouble()))
                ? State.DUE_SOON : State.RUNNING;
    }

    public static List<DeadlineClock> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by dueAt, organisation", incidentId);
    }
}
