package io.muster.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.escalation.domain.DirectoryReplicaEntry;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DirectoryReplicaConsumerTest {

    private static ContactSnapshot contact(UUID id, String name) {
        return new ContactSnapshot(id, name, "Europe/Berlin", true, 1, List.of("incident-commander"),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, "+4915112345678", 1, true),
                        new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, "ic@example.org", 2, true)), null);
    }

    private static DirectoryReplicaEntry entry(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DirectoryReplicaEntry.findById(ContactSnapshot.keyOf(id)));
    }

    @Test
    void contactSnapshotsFromTheBrokerAreKeptAndTombstonesRemoveThem() {
        UUID id = UUID.randomUUID();
        KafkaEvents.publish(contact(id, "Grace Hopper"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(id) != null);
        assertThat(entry(id).snapshot).contains("Grace Hopper").contains("+4915112345678");

        KafkaEvents.publish(contact(id, "Grace B. Hopper"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(id).snapshot.contains("Grace B. Hopper"));

        KafkaEvents.tombstone(Topics.DIRECTORY, ContactSnapshot.keyOf(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(id) == null);
    }

    @Test
    void aRedeliveredEventIsAppliedOnlyOnce() {
        UUID id = UUID.randomUUID();
        EventEnvelope first = KafkaEvents.publish(contact(id, "Ada"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(id) != null);
        // A later change, then the first event redelivered: the replica must keep the later state.
        KafkaEvents.publish(contact(id, "Ada Lovelace"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(id).snapshot.contains("Ada Lovelace"));
        KafkaEvents.republish(first);
        UUID marker = UUID.randomUUID();
        KafkaEvents.publish(contact(marker, "Marker"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(marker) != null);
        assertThat(entry(id).snapshot).contains("Ada Lovelace");
    }

    @Test
    void aMalformedRecordIsSkippedWithoutStoppingTheConsumer() {
        UUID id = UUID.randomUUID();
        KafkaEvents.send(Topics.DIRECTORY, ContactSnapshot.keyOf(id), "{not json");
        KafkaEvents.publish(contact(id, "After the bad one"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(id) != null);
        assertThat(entry(id).snapshot).contains("After the bad one");
    }
}
