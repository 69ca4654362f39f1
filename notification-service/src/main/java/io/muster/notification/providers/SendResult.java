package io.muster.notification.providers;

/** What a provider said about one attempt. */
public sealed interface SendResult {

    /** The provider took the message; {@code providerMessageId} is its id for it. */
    record Sent(String providerMessageId) implements SendResult {
    }

    /**
     * The provider refused or could not be reached. {@code retryable} failures (throttling, 5xx, timeouts) are
     * tried again on the same channel; others (an invalid number) go straight to the next channel.
     */
    record Failed(String code, String detail, boolean retryable) implements SendResult {
    }
}
