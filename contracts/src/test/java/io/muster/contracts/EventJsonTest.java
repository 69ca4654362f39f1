package io.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.pages.PageRequested;
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
    void aPageRequestedWrittenBeforeDownChannelsExistedReadsWithNoChannelDown() throws IOException {
        String older = sample("page-requested").replace(",\n    \"downChannels\" : [ ]", "");
        assertThat(older).doesNotContain("downChannels");
        PageRequested read = EventJson.read(older).payloadAs(PageRequested.class);
        assertThat(read).isEqualTo(GoldenSamples.expected().get("page-requested").payload());
        assertThat(read.downChannels()).isEmpty();
    }

    @Test
    void snapshotsWrittenBeforeBackupsEscalationContactsAndLoginsExistedReadWithNobody() throws IOException {
        String contact = sample("contact-snapshot")
                .replace(",\n    \"backupContactId\" : \"9a4d8b2f-7a0e-4b1c-8d2e-3f4a5b6c7d88\"", "")
                .replace(",\n    \"login\" : \"aokafor\"", "");
        assertThat(contact).doesNotContain("backupContactId").doesNotContain("login");
        assertThat(EventJson.read(contact).payloadAs(ContactSnapshot.class).backupContactId()).isNull();
        assertThat(EventJson.read(contact).payloadAs(ContactSnapshot.class).login()).isNull();
        String roster = sample("role-roster")
                .replace(",\n    \"escalationContactId\" : \"9a4d8b2f-7a0e-4b1c-8d2e-3f4a5b6c7d88\"", "");
        assertThat(roster).doesNotContain("escalationContactId");
        assertThat(EventJson.read(roster).payloadAs(RoleRoster.class).escalationContactId()).isNull();
        String page = sample("page-requested").replace(",\n    \"allChannelsAtOnce\" : true,\n    \"bundlingExempt\" : true", "");
        assertThat(page).doesNotContain("bundlingExempt");
        PageRequested older = EventJson.read(page).payloadAs(PageRequested.class);
        assertThat(older.allChannelsAtOnce()).isNull();
        assertThat(older.everyChannelAtOnce()).as("CRITICAL, by the severity alone").isTrue();
        assertThat(older.neverBundled()).isTrue();
        String escalated = sample("incident-escalated").replace(",\n    \"roleKey\" : null", "");
        assertThat(escalated).doesNotContain("roleKey");
        assertThat(EventJson.read(escalated).payloadAs(IncidentEscalated.class).roleKey()).isNull();
        // A replica row holds the payload alone; it reads the same way.
        String payload = EventJson.mapper().readTree(contact).get("payload").toString();
        ContactSnapshot stored = EventJson.readPayload(payload, ContactSnapshot.class, ContactSnapshot.TYPE);
        assertThat(stored.backupContactId()).isNull();
        assertThat(stored.login()).isNull();
        assertThat(stored.displayName()).isEqualTo("Ada Okafor");
    }

    @Test
    void aDrillPageCarriesItsDownChannelsInEnumOrderAndOnlyADrillPageHasAChannelDown() throws IOException {
        String drill = sample("page-requested").replace("\"drill\" : false", "\"drill\" : true")
                .replace("\"downChannels\" : [ ]", "\"downChannels\" : [ \"VOICE\", \"SMS\" ]");
        PageRequested read = EventJson.read(drill).payloadAs(PageRequested.class);
        assertThat(read.downChannels()).containsExactly(ChannelType.SMS, ChannelType.VOICE);
        assertThat(read.channelDown(ChannelType.SMS)).isTrue();
        assertThat(read.channelDown(ChannelType.EMAIL)).isFalse();
        assertThat(EventJson.mapper().readTree(EventJson.write(EventJson.read(drill))).at("/payload/downChannels")
                .toString()).isEqualTo("[\"SMS\",\"VOICE\"]");

        PageRequested real = new PageRequested(read.pageId(), read.incidentId(), read.contactId(), read.roleKey(), 1,
                1, read.severity(), read.title(), read.summary(), false, false, false, Set.of(ChannelType.SMS));
        assertThat(real.channelDown(ChannelType.SMS)).as("only drills have faults").isFalse();
    }

    @Test
    void aPageRequestedWithAnUnknownChannelDownIsRefused() throws IOException {
        String bad = sample("page-requested").replace("\"downChannels\" : [ ]", "\"downChannels\" : [ \"PIGEON\" ]");
        assertThatThrownBy(() -> EventJson.read(bad)).isInstanceOf(EventJson.MalformedEventException.class);
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
