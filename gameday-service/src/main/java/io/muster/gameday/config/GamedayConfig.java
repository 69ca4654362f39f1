package io.muster.gameday.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "muster.gameday")
public interface GamedayConfig {

    /** A run ends at this limit even if not every required role has acknowledged. */
    @WithDefault("30m")
    Duration defaultTimeLimit();
}
