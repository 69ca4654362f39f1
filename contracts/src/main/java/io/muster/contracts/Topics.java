package io.muster.contracts;

import java.util.List;

/** Kafka topic names shared by every service. A new topic must be added here and to {@link #ALL}. */
public final class Topics {

    /** Compacted snapshots of the directory (contacts, role rosters, rotations), keyed by entity key. */
    public static final String DIRECTORY = "muster.directory.v1";
    /** Incident lifecycle, keyed by incident id. */
    public static final String INCIDENTS = "muster.incidents.v1";
    /** One message per person and stage that must be paged, keyed by contact id. */
    public static final String PAGES_REQUESTED = "muster.pages.requested.v1";
    /** Delivery state changes of pages, keyed by incident id. */
    public static final String PAGES_STATUS = "muster.pages.status.v1";
    /** Acknowledgements of pages, keyed by incident id. */
    public static final String PAGES_ACKS = "muster.pages.acks.v1";
    /** Game day runs and their results, keyed by run id. */
    public static final String GAMEDAY = "muster.gameday.v1";
    /** The incident response plan document's status (published version, review due date), compacted, one key. */
    public static final String PLANS = "muster.plans.v1";
    /**
     * Records a consumer gave up on after its bounded retries, one per failure: the original key and value
     * unchanged, and {@link DeadLetterHeaders} saying which consumer failed on which record and why. Nothing in
     * Muster consumes it; it is kept for a person to read, fix and replay.
     */
    public static final String DEAD_LETTER = "muster.deadletter.v1";

    public static final List<String> ALL =
            List.of(DIRECTORY, INCIDENTS, PAGES_REQUESTED, PAGES_STATUS, PAGES_ACKS, GAMEDAY, PLANS, DEAD_LETTER);

    /** Topics whose records are snapshots of current state and therefore compacted. */
    public static final List<String> COMPACTED = List.of(DIRECTORY, PLANS);

    private Topics() {
    }
}
