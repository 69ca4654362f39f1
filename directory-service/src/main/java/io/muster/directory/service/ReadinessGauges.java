package io.muster.directory.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.muster.directory.domain.ReadinessReport;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The readiness findings as Prometheus gauges ({@code muster_directory_readiness_findings{code=...}}), so that an
 * alert can fire when the directory goes stale. Recomputed in the background by {@link ReadinessRefresh}, not on the
 * scrape thread.
 */
@ApplicationScoped
public class ReadinessGauges {

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> byCode = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent event) {
        for (String code : ReadinessCheck.CODES) {
            byCode.put(code, registry.gauge("muster.directory.readiness.findings", Tags.of("code", code),
                    new AtomicLong()));
        }
    }

    public void update(ReadinessReport report) {
        Map<String, Long> counts = new java.util.HashMap<>();
        report.findings().forEach(f -> counts.merge(f.code(), 1L, Long::sum));
        byCode.forEach((code, gauge) -> gauge.set(counts.getOrDefault(code, 0L)));
    }
}
