package io.muster.directory.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.muster.directory.api.ReadinessResponse;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The readiness findings as Prometheus gauges ({@code muster_directory_readiness_findings{code=...}}), so that an
 * alert can fire when the directory goes stale. Recomputed in the background, not on the scrape thread.
 */
@ApplicationScoped
public class ReadinessGauges {

    private static final Logger LOG = Logger.getLogger(ReadinessGauges.class);

    @Inject
    ReadinessCheck check;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "muster.directory.readiness-refresh", defaultValue = "60s")
    java.time.Duration refresh;

    private final Map<String, AtomicLong> byCode = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        for (String code : ReadinessCheck.CODES) {
            byCode.put(code, registry.gauge("muster.directory.readiness.findings", Tags.of("code", code),
                    new AtomicLong()));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "readiness-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void refresh() {
        try {
            update(check.report());
        } catch (RuntimeException e) {
            LOG.warnf("cannot refresh readiness gauges: %s", e.getMessage());
        }
    }

    public void update(ReadinessResponse report) {
        Map<String, Long> counts = new java.util.HashMap<>();
        report.findings().forEach(f -> counts.merge(f.code(), 1L, Long::sum));
        byCode.forEach((code, gauge) -> gauge.set(counts.getOrDefault(code, 0L)));
    }
}
