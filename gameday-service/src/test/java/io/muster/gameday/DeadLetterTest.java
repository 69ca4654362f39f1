package io.muster.gameday;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.DeadLetterHeaders;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.platform.messaging.DeadLetterReadiness;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A record whose handler keeps failing goes to the dead-letter topic after a bounded number of attempts, and the
 * records behind it on its partition are handled; a record that fails only while the database is away is retried
 * past that bound until it passes. Real records on the real incident topic, through the platform's InboundEvents.
 */
@QuarkusTest
class DeadLetterTest {

    /** The platform default ({@code muster.inbound.max-attempts}). */
    static final int MAX_ATTEMPTS = 5;
    static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    DeadLetterProbeConsumer probe;

    static IncidentTriggered incident(UUID id, String title) {
        return new IncidentTriggered(id, title, Severity.LOW, "probe", "test", "probe-" + UUID.randomUUID(), false);
    }

    static ConsumerRecord<String, String> carrying(String topic, EventEnvelope envelope) {
        return KafkaEvents.record(topic, r -> r.value() != null && r.value().contains(envelope.eventId().toString()),
                WAIT).orElseThrow(() -> new AssertionError(envelope.eventId() + " not on " + topic));
    }

    static double deadLettered() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("muster_events_dead_lettered_total{")
                        && l.contains("consumer=\"" + DeadLetterProbeConsumer.CONSUMER + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static Map<String, Object> deadLetterReadiness() {
        JsonPath ready = given().get("/q/health/ready").then().extract().jsonPath();
        List<Map<String, Object>> checks = ready.getList("checks");
        return checks.stream().filter(c -> DeadLetterReadiness.NAME.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no dead-letter check in " + ready.prettify()));
    }

    @Test
    void aRecordThatAlwaysFailsIsDeadLetteredAfterBoundedAttemptsAndThePartitionMovesOn() {
        double before = deadLettered();
        UUID incident = UUID.randomUUID();
        // Same incident id, same key, same partition: the two after the poison wait behind it.
        EventEnvelope poison = KafkaEvents.publish(incident(incident, "poison " + incident));
        EventEnvelope next = KafkaEvents.publish(incident(incident, "after " + incident));
        EventEnvelope last = KafkaEvents.publish(incident(incident, "after again " + incident));

        await().atMost(WAIT).until(() -> probe.applied(next) && probe.applied(last));
        assertThat(probe.attemptsOf(poison)).as("attempts on the poison").isEqualTo(MAX_ATTEMPTS);
        assertThat(probe.applied(poison)).isFalse();

        ConsumerRecord<String, String> source = carrying(Topics.INCIDENTS, poison);
        ConsumerRecord<String, String> dead = KafkaEvents.record(Topics.DEAD_LETTER,
                r -> DeadLetterProbeConsumer.CONSUMER.equals(KafkaEvents.headerOf(r, DeadLetterHeaders.CONSUMER))
                        && r.value() != null && r.value().contains(poison.eventId().toString()), WAIT)
                .orElseThrow(() -> new AssertionError("the poison is not on the dead-letter topic"));
        assertThat(next.key()).isEqualTo(poison.key());
        assertThat(dead.key()).isEqualTo(source.key());
        assertThat(dead.value()).isEqualTo(source.value());
        assertThat(KafkaEvents.headerOf(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.INCIDENTS);
        assertThat(KafkaEvents.headerOf(dead, DeadLetterHeaders.SOURCE_PARTITION))
                .isEqualTo(Integer.toString(source.partition()));
        assertThat(KafkaEvents.headerOf(dead, DeadLetterHeaders.SOURCE_OFFSET))
                .isEqualTo(Long.toString(source.offset()));
        assertThat(KafkaEvents.headerOf(dead, DeadLetterHeaders.EXCEPTION))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(KafkaEvents.headerOf(dead, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("no rule for poison");
        assertThat(KafkaEvents.headerOf(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo(Integer.toString(MAX_ATTEMPTS));
        assertThat(KafkaEvents.headerOf(dead, DeadLetterHeaders.FAILED_AT)).isNotBlank();

        assertThat(deadLettered()).as("muster_events_dead_lettered_total").isEqualTo(before + 1);
        Map<String, Object> check = deadLetterReadiness();
        assertThat(check.get("status")).as("a dead letter warns, it does not take the service out").isEqualTo("UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(((Number) data.get(DeadLetterProbeConsumer.CONSUMER)).doubleValue()).isEqualTo(before + 1);
        assertThat((String) data.get("last")).contains(DeadLetterProbeConsumer.CONSUMER)
                .contains(Topics.INCIDENTS + "-" + source.partition() + "@" + source.offset());
    }

    @Test
    void aRecordThatFailsOnlyWhileTheDatabaseIsAwayIsRetriedPastTheBoundUntilItPasses() {
        UUID incident = UUID.randomUUID();
        EventEnvelope flaky = KafkaEvents.publish(incident(incident, "flaky " + incident));

        await().atMost(WAIT).until(() -> probe.applied(flaky));
        assertThat(probe.attemptsOf(flaky)).isEqualTo(DeadLetterProbeConsumer.FLAKY_FAILURES + 1)
                .isGreaterThan(MAX_ATTEMPTS);
        assertThat(KafkaEvents.record(Topics.DEAD_LETTER,
                r -> r.value() != null && r.value().contains(flaky.eventId().toString()), Duration.ofSeconds(2)))
                .as("never dead-lettered").isEmpty();
    }
}
