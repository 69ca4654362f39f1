package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One email to one participant of a run: its notice, or one of the scenario's injects. The row is written when the
 * message is due to exist and is the durable record that it was (or could not be) sent; {@link #messageKey} is
 * unique, so a second planner on another replica or after a restart writes nothing.
 */
@Entity
@Table(name = "participant_mail")
public class ParticipantMail extends PanacheEntityBase {

    public enum Kind {
        /** Before the run: when, what scenario, which mode. */
        NOTICE,
        /** During the run, to the people paged for the inject's audience. */
        INJECT
    }

    public enum State {
        /** Waiting to be sent (or re-sent after a failure) at {@code dueAt}. */
        PENDING,
        SENT,
        /** Given up after the configured attempts; {@code lastError} says why. */
        FAILED,
        /** A silent run's inject: recorded, not sent, as its pages are. */
        SUPPRESSED,
        /** The person has no verified email address in the directory (or is no longer in it). */
        NO_ADDRESS
    }

    @Id
    public UUID id;

    @Column(name = "message_key")
    public String messageKey;

    @Column(name = "run_id")
    public UUID runId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** Position of the inject in the scenario's list (null for a notice). */
    @Column(name = "inject_index")
    public Integer injectIndex;

    /** The inject's audience: a role key or {@code all} (null for a notice). */
    public String audience;

    /** The inject's text as it was when the message was written (a scenario may be edited later). */
    @Column(name = "inject_message")
    public String injectMessage;

    @Column(name = "contact_id")
    public UUID contactId;

    public String address;

    public String subject;

    public String body;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    public static String noticeKey(UUID runId, UUID contactId) {
        return "gameday-notice-" + runId + "-" + contactId;
    }

    public static String injectKey(UUID runId, int injectIndex, UUID contactId) {
        return "gameday-inject-" + runId + "-" + injectIndex + "-" + contactId;
    }
}
