package io.muster.console.web;

/**
 * Where a test page stands: notification-service's own states (PENDING, SENT, FAILED) and two of the console's, for
 * a test notification-service has not taken yet (WAITING) and one the console cannot ask about (UNKNOWN).
 */
enum ChannelTestState {
    WAITING, PENDING, SENT, FAILED, UNKNOWN;

    /** The state named {@code status}, or WAITING for none or a name this console does not know. */
    static ChannelTestState of(String status) {
        for (ChannelTestState state : values()) {
            if (state.name().equals(status)) {
                return state;
            }
        }
        return WAITING;
    }
}
