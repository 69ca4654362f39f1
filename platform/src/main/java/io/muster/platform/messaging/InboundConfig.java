package io.muster.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers retry a record whose handling failed (see {@link InboundEvents}). */
@ConfigMapping(prefix = "muster.inbound")
public interface InboundConfig {

    /**
     * Tries of a record that fails unexpectedly (a bug or data the handler cannot take) before it goes to the
     * dead-letter topic. Transient failures (database or broker away) do not count: they are retried until they pass.
     */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failure; each further failure of the same record doubles it, up to the maximum. */
    @WithDefault("100ms")
    Duration retryBaseDelay();

    @WithDefault("5s")
    Duration retryMaxDelay();
}
