package io.muster.directory.api;

import io.muster.directory.domain.PreparednessItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every item the person's roles ask of them, with whether it is in place as last checked. */
public record PersonPreparednessResponse(UUID personId, String displayName, List<Item> items) {

    /**
     * @param roles        the person's roles that ask for the item
     * @param recheckDays  the shortest period of those roles
     * @param state        what readiness makes of it now
     * @param recheckDueAt when the last check stops counting (null before any check)
     */
    public record Item(String key, PreparednessItem.Kind kind, String name, String description, String howToGet,
            List<String> roles, int recheckDays, State state, Boolean inPlace, String note, Instant checkedAt,
            String checkedBy, Instant recheckDueAt) {
    }

    public enum State {
        /** In place, checked within the period. */
        IN_PLACE,
        /** Nobody has checked it yet. */
        NEVER_CHECKED,
        /** Checked, and not in place. */
        NOT_IN_PLACE,
        /** In place when last checked, but that was longer ago than the period. */
        RECHECK_DUE
    }
}
