package io.muster.contracts.pages;

/** The life of one page delivery. {@code ALL_CHANNELS_FAILED} tells escalation to move on without waiting. */
public enum DeliveryStatus {
    QUEUED, SENT, DELIVERED, FAILED, ALL_CHANNELS_FAILED, SUPPRESSED, ACKNOWLEDGED
}
