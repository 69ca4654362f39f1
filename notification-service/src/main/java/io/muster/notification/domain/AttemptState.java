package io.muster.notification.domain;

/** Where one send attempt stands. */
public enum AttemptState {
    /** Waiting in the send queue until {@code due_at}. */
    PENDING,
    /** Claimed by a worker and handed (or about to be handed) to the provider. */
    IN_FLIGHT,
    SENT,
    FAILED,
    /** Was in flight when its worker died: the provider may or may not have taken it. */
    UNCERTAIN,
    /** Never sent because the page was acknowledged first. */
    CANCELLED
}
