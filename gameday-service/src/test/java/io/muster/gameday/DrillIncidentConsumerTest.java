package io.muster.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.gameday.domain.DrillObservation;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DrillIncidentConsumerTest {

    private static List<String> observed(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> DrillObservation
                .<DrillObservation>list("incidentId = ?1 order by occurredAt", incident)
                .stream().map(o -> o.eventType).toList());
    }

    @Test
    void drillIncidentsAreFollowedOnceAndProductionIncidentsIgnored() {
        UUID drill = UUID.randomUUID();
        UUID production = UUID.randomUUID();
        KafkaEvents.publish(new IncidentTriggered(production, "Real outage", Severity.HIGH, "ddos", "waf",
                "waf-1", false));
        EventEnvelope triggered = KafkaEvents.publish(new IncidentTriggered(drill, "[DRILL] Ransomware",
                Severity.CRITICAL, "ransomware", "gameday", "gd-" + drill, true));
        KafkaEvents.republish(triggered);
        KafkaEvents.publish(new IncidentResolved(drill, "gameday", true));

        await().atMost(Duration.ofSeconds(20)).until(() -> observed(drill).size() >= 2);
        assertThat(observed(drill)).containsExactly(IncidentTriggered.TYPE, IncidentResolved.TYPE);
        assertThat(observed(production)).isEmpty();
    }
}
