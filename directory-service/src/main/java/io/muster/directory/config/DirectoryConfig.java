package io.muster.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "muster.directory")
public interface DirectoryConfig {

    /** People not reviewed within this period show up in the readiness report. */
    @WithDefault("90d")
    Duration reviewPeriod();

    /** A role with fewer reachable people than this is a readiness finding. */
    @WithDefault("2")
    int minReachablePerRole();

    /**
     * How often the readiness findings are recomputed in the background (gauges, and a {@code ReadinessSnapshot}
     * when they changed); findings depend on the date, so they must be rechecked even when nothing else changes.
     */
    @WithDefault("60s")
    Duration readinessRefresh();

    /** How long a one-time channel verification code stays valid. */
    @WithDefault("15m")
    Duration verificationTtl();

    /** Wrong codes allowed before a verification is locked and a new code must be requested. */
    @WithDefault("5")
    int verificationMaxAttempts();
}
