package io.muster.directory.service;

import io.muster.directory.config.DirectoryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Recomputes the readiness findings in the background, updates the gauges and publishes the findings when they
 * changed: every {@code muster.directory.readiness-refresh} (findings depend on the date: re-check periods, due
 * dates), and soon after each change through the API and each consumed event ({@link #soon()}, bursts coalesced).
 * A change whose prompt recheck is lost to a crash is published by the next periodic one.
 */
@ApplicationScoped
public class ReadinessRefresh {

    private static final Logger LOG = Logger.getLogger(ReadinessRefresh.class);
    /** Long enough to fold an import's or a replay's burst of changes into one recheck. */
    private static final Duration COALESCE = Duration.ofMillis(250);

    @Inject
    ReadinessPublication publication;

    @Inject
    ReadinessGauges gauges;

    @Inject
    DirectoryConfig config;

    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "readiness-refresh");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::run, 0, config.readinessRefresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Asks for a recheck shortly; calls while one is waiting are folded into it. */
    public void soon() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null && pending.compareAndSet(false, true)) {
            executor.schedule(() -> {
                // Cleared before the work, so a change made while it runs asks for another.
                pending.set(false);
                run();
            }, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void run() {
        try {
            gauges.update(publication.publishIfChanged().report());
        } catch (RuntimeException e) {
            LOG.warnf("cannot recheck readiness: %s", e.getMessage());
        }
    }
}
