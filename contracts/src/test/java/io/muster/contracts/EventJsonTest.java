package io.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EventJsonTest {

    @TestFactory
    Iterable<DynamicTest> eachGoldenSampleReadsAsItsEventAndWritesBackUnchanged() {
        return GoldenSamples.expected().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String sample = sample(e.getKey());
                    EventEnvelope read = EventJson.read(sample);
                    assertThat(read).isEqualTo(e.getValue());
                    JsonNode written = EventJson.mapper().readTree(EventJson.write(e.getValue()));
                    assertThat(written).isEqualTo(EventJson.mapper().readTree(sample));
                }))
                .toList();
    }

    @Test
    void everyEventTypeHasAGoldenSample() {
        Set<String> sampled = GoldenSamples.expected().values().stream().map(EventEnvelope::type)
                .collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventPayload.TYPES.keySet());
    }

    @Test
    void everyPayloadGoesToAKnownTopic() {
        GoldenSamples.expected().values()
                .forEach(e -> assertThat(Topics.ALL).as(e.type()).contains(e.topic()));
    }

    @Test
    void unknownTypeIsRefused() throws IOException {
        String sample = sample("incident-resolved").replace("\"IncidentResolved\"", "\"IncidentExploded\"");
        assertThatThrownBy(() -> EventJson.read(sample))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining("IncidentExploded");
    }

    @Test
    void typeThatDoesNotMatchThePayloadIsRefused() throws IOException {
        String sample = sample("incident-resolved").replace("\"IncidentResolved\"", "\"IncidentTriggered\"");
        assertThatThrownBy(() -> EventJson.read(sample)).isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void missingEventIdIsRefused() throws IOException {
        String sample = sample("page-acknowledged").replace("\"eventId\"", "\"eventid\"");
        assertThatThrownBy(() -> EventJson.read(sample))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void brokenJsonIsRefused() {
        assertThatThrownBy(() -> EventJson.read("{\"eventId\":")).isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void fieldsAddedByANewerProducerAreTolerated() throws IOException {
        String sample = sample("incident-resolved").replace("\"drill\"", "\"addedLater\":7,\"drill\"");
        assertThat(EventJson.read(sample)).isEqualTo(GoldenSamples.expected().get("incident-resolved"));
    }

    @Test
    void keyMustBeThePayloadsAggregate() {
        EventEnvelope good = GoldenSamples.expected().get("page-requested");
        assertThatThrownBy(() -> new EventEnvelope(good.eventId(), good.type(), 1, good.occurredAt(), "someone-else",
                good.payload())).isInstanceOf(IllegalArgumentException.class);
        assertThat(good.key()).isEqualTo(GoldenSamples.CONTACT.toString());
    }

    static String sample(String name) throws IOException {
        try (InputStream in = EventJsonTest.class.getResourceAsStream("/samples/" + name + ".json")) {
            assertThat(in).as("sample " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
