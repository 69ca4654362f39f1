package io.muster.notification.domain;

import java.util.Locale;

/** What became of one SMS reply. */
public enum SmsReplyOutcome {
    /** The code named an open page of the person with that number; the page is acknowledged. */
    ACKNOWLEDGED,
    /** The text is not "ACK <code>" (a person answering in words, STOP handled by SNS itself). */
    NOT_AN_ACK,
    /** The number has no open page waiting for an answer, so no code from it can be right. */
    NOT_PAGED,
    /** The number has open pages, but none with this code; counts towards its lockout. */
    WRONG_CODE,
    /** The number sent too many wrong codes lately; nothing it sends is taken until the lockout ends. */
    LOCKED_OUT;

    /** The form used on the wire and as a metric tag: {@code wrong-code}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
