package io.muster.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "muster.escalation")
public interface EscalationConfig {

    /** How long a stage waits for an acknowledgement when its policy does not say. */
    @WithDefault("5m")
    Duration defaultStageTimeout();

    /** How often the stage-timer poller runs ("off" disables it; tests then poll by hand). */
    @WithDefault("250ms")
    String timerPollEvery();

    /**
     * An integration key (32 characters) to make sure exists at start-up, for demos and first installs; absent in
     * production, where admins create keys over the API.
     */
    Optional<String> seedIntegrationKey();
}
