package io.muster.gameday.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "muster.gameday")
public interface GamedayConfig {

    /** A run ends at this limit even if not every required role has acknowledged. */
    @WithDefault("30m")
    Duration defaultTimeLimit();

    /** How far ahead the iCalendar feed lists game days. */
    @WithDefault("P90D")
    Duration calendarHorizon();

    /** How often the run timer claims due runs ({@code off} disables it; tests drive the dispatcher). */
    @WithDefault("1s")
    String dispatchEvery();

    /**
     * directory-service's base URL as participants reach it, named in notices that ask them to confirm their access
     * and tools.
     */
    @WithDefault("http://localhost:8081")
    URI directoryUrl();

    Escalation escalation();

    Mail mail();

    Reminders reminders();

    /** Reminders to the owners of overdue action items, at most one per item and day. */
    interface Reminders {
        /** How often overdue items are looked for ({@code off} disables it; tests drive the check). */
        @WithDefault("15m")
        String checkEvery();

        /** The zone whose calendar days count due dates and "once a day". */
        @WithDefault("UTC")
        ZoneId zone();
    }

    /** Email to participants: notices before runs, injects during them. The SMTP server is quarkus.mailer.*. */
    interface Mail {
        /** The From address of every notice and inject. */
        @WithDefault("Muster game days <gameday@localhost>")
        String from();

        /** How often due messages are sent ({@code off} disables it; tests drive the sender). */
        @WithDefault("1s")
        String sendEvery();

        /** Sends of one message before it is given up as FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry of a failed send; it doubles with each further attempt. */
        @WithDefault("30s")
        Duration retryDelay();
    }

    interface Escalation {
        /** escalation-service's base URL. */
        @WithDefault("http://localhost:8082")
        URI url();

        @WithDefault("/api/v1/incidents")
        String raisePath();

        /** {@code {id}} is replaced by the incident id. */
        @WithDefault("/api/v1/incidents/{id}/resolve")
        String resolvePath();

        @WithDefault("10s")
        Duration timeout();
    }
}
