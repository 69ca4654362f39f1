package io.muster.gameday.domain;

/**
 * Why a run ended, as far as it is one of the known ends; a run whose drill could not be raised ends FAILED with
 * the reason escalation gave instead. {@link #text()} is what the run's {@code endReason} says on the wire and in
 * the database, unchanged from before the reasons had a type.
 */
public enum RunEndReason {
    /** Every role that had to answer answered within the time limit. */
    ALL_ROLES_ACKED("ALL_ROLES_ACKED"),
    /** The time limit passed first. */
    TIME_LIMIT("TIME_LIMIT"),
    /** The game day was cancelled before the run was due. */
    CANCELLED("game day cancelled");

    private final String text;

    RunEndReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
