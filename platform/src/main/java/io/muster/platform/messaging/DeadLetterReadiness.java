package io.muster.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A warning on the readiness report: how many records this instance's consumers gave up on (and the latest), so a
 * look at {@code /q/health/ready} shows that events need a person's attention. It stays UP: a dead letter is one
 * record set aside while every other event keeps flowing, and taking the instance out of service for it would stop
 * the paging that still works. Alerting on it belongs to the metric {@code muster_events_dead_lettered_total}.
 */
@Readiness
@ApplicationScoped
public class DeadLetterReadiness implements HealthCheck {

    public static final String NAME = "Dead-lettered events (warning only, never DOWN)";

    @Inject
    DeadLetters deadLetters;

    @Override
    public HealthCheckResponse call() {
        Map<String, Long> counts = deadLetters.counts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).up().withData("total", total);
        counts.forEach((consumer, n) -> builder.withData(consumer, n));
        deadLetters.last().ifPresent(last -> builder.withData("last", last));
        return builder.build();
    }
}
