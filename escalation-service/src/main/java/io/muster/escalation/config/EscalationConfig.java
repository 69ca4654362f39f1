package io.muster.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "muster.escalation")
public interface EscalationConfig {

    /** How long a stage waits for an acknowledgement when its policy does not say. */
    @WithDefault("5m")
    Duration defaultStageTimeout();
}
