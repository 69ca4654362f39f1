package io.muster.contracts.gameday;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The current state of one action item from a lessons-learned review, of a game day run or of a real incident:
 * what is to be done, by whom (a directory person, null while unassigned), by when, and whether it is done. Published
 * on every change so that readiness can show the open and overdue ones; a deleted item is a tombstone under the key.
 */
public record ActionItemSnapshot(
        UUID actionItemId,
        Source source,
        UUID sourceId,
        String sourceTitle,
        String title,
        UUID ownerContactId,
        LocalDate dueOn,
        Status status) implements EventPayload {

    public static final String TYPE = "ActionItemSnapshot";

    /** What the review that raised the item was about. */
    public enum Source {
        GAME_DAY_RUN, INCIDENT_REVIEW
    }

    public enum Status {
        OPEN, DONE
    }

    public static String keyOf(UUID actionItemId) {
        return "action-item:" + actionItemId;
    }

    /** Whether the item is still open after its due date. */
    public boolean overdueOn(LocalDate today) {
        return status == Status.OPEN && dueOn != null && dueOn.isBefore(today);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.GAMEDAY;
    }

    @Override
    public String key() {
        return keyOf(actionItemId);
    }
}
