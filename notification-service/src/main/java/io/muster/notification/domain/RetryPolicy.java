package io.muster.notification.domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How often and how soon a failure that may pass is tried again on the same channel. */
public record RetryPolicy(int maxAttemptsPerChannel, Duration baseDelay, Duration maxDelay) {

    /**
     * Delay before retry number {@code failedAttempts}: base x 2^(n-1), capped, with "equal jitter" (between half
     * and all of it) so that many pages failing together do not retry in lockstep against a struggling provider.
     */
    public Duration delay(int failedAttempts, RandomGenerator random) {
        long base = baseDelay.toMillis();
        long exponential = Math.min(maxDelay.toMillis(), base * (1L << Math.min(failedAttempts - 1, 20)));
        long half = exponential / 2;
        return Duration.ofMillis(half + random.nextLong(exponential - half + 1));
    }
}
