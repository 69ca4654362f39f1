package io.muster.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "muster.notification")
public interface NotificationConfig {

    /** Non-critical SMS beyond this per person in 15 minutes are bundled into one summary. */
    @WithDefault("5")
    int smsPerPersonPer15Minutes();

    /** Sends tried on one channel before falling back to the next. */
    @WithDefault("3")
    int maxAttemptsPerChannel();
}
