package io.muster.notification.domain;

/** Why a message is sent. */
public enum MessagePurpose {
    /** A page for an incident. */
    PAGE,
    /** A one-time code confirming a new contact channel. */
    VERIFICATION,
    /** One SMS standing for several pages held back by the per-person SMS limit. */
    SMS_SUMMARY,
    /** A test page on one contact channel: no incident, no ack link. */
    CHANNEL_TEST
}
