package io.muster.notification.domain;

/** Where a test page on one contact channel stands, as {@code GET /api/v1/channel-tests/{testId}} reports it. */
public enum ChannelTestStatus {
    /** Queued, or being retried after a failure that may pass. */
    PENDING,
    /** The provider took the message. */
    SENT,
    /** Refused, out of retries, or not sendable on this channel type; {@code error} says which. */
    FAILED
}
