package io.muster.console.backend;

import java.net.URI;

import io.muster.console.config.ConsoleConfig;

/** The services the console calls; each stays the only owner of its data. */
public enum Backend {
    DIRECTORY("directory-service"),
    ESCALATION("escalation-service"),
    NOTIFICATION("notification-service"),
    GAMEDAY("gameday-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    URI baseUrl(ConsoleConfig config) {
        return switch (this) {
            case DIRECTORY -> config.directoryUrl();
            case ESCALATION -> config.escalationUrl();
            case NOTIFICATION -> config.notificationUrl();
            case GAMEDAY -> config.gamedayUrl();
        };
    }
}
