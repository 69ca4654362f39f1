package io.muster.console.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the four services answer, and how long the console waits for one before it says so on the page. */
@ConfigMapping(prefix = "muster.console")
public interface ConsoleConfig {

    /** The console's own origin as browsers reach it: the only origin a form may be posted from. */
    URI publicUrl();

    URI directoryUrl();

    URI escalationUrl();

    URI notificationUrl();

    URI gamedayUrl();

    /**
     * Where monitoring systems reach escalation-service's ingest endpoints (Events v2, the Alertmanager webhook), for
     * the copy-paste snippets; without it, {@code escalation-url}.
     */
    Optional<URI> ingestUrl();

    /** A service slower than this is shown as not answering; the rest of the page still renders. */
    @WithDefault("5s")
    Duration callTimeout();
}
