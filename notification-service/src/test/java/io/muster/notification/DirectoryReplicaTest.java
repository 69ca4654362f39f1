package io.muster.notification;

import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.mailTo;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DirectoryReplicaTest {

    private static ContactSnapshot contact(UUID id, String name, String phone) {
        return new ContactSnapshot(id, name, "Europe/Berlin", true, 1, List.of("incident-commander"),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, phone, 1, true)), null);
    }

    private static EventEnvelope allFailed(UUID pageId) {
        return KafkaEvents.first(Topics.PAGES_STATUS, e -> e.payload() instanceof PageStatusChanged s
                && s.pageId().equals(pageId) && s.status() == DeliveryStatus.ALL_CHANNELS_FAILED, WAIT).orElseThrow();
    }

    @Test
    void snapshotsAreKeptNewestFirstAndATombstoneRemovesThePerson() {
        UUID id = UUID.randomUUID();
        String oldPhone = ProviderStandIns.uniquePhone();
        String newPhone = ProviderStandIns.uniquePhone();
        EventEnvelope first = KafkaEvents.publish(contact(id, "Grace Hopper", oldPhone));
        await().atMost(WAIT).until(() -> Fixtures.replica(id) != null);
        KafkaEvents.publish(contact(id, "Grace B. Hopper", newPhone));
        await().atMost(WAIT).until(() -> Fixtures.replica(id).displayName.equals("Grace B. Hopper"));

        // The older snapshot replayed under a new event id must not win over the newer one.
        KafkaEvents.republish(new EventEnvelope(UUID.randomUUID(), first.type(), first.version(), first.occurredAt(),
                first.key(), first.payload()));
        UUID marker = UUID.randomUUID();
        KafkaEvents.publish(contact(marker, "Marker", ProviderStandIns.uniquePhone()));
        await().atMost(WAIT).until(() -> Fixtures.replica(marker) != null);
        assertThat(Fixtures.replica(id).channelList()).extracting(ContactSnapshot.Channel::address)
                .containsExactly(newPhone);

        KafkaEvents.tombstone(Topics.DIRECTORY, ContactSnapshot.keyOf(id));
        await().atMost(WAIT).until(() -> Fixtures.replica(id) == null);
    }

    @Test
    void channelsComeOnlyFromTheReplicaSoAnUnknownPersonCannotBePaged() {
        Fixtures.Person unknown = new Fixtures.Person(UUID.randomUUID(), ProviderStandIns.uniquePhone(),
                ProviderStandIns.uniqueEmail());
        PageRequested page = Fixtures.page(unknown, Severity.CRITICAL, false);
        KafkaEvents.publish(page);
        assertThat(allFailed(page.pageId()).payloadAs(PageStatusChanged.class).detail())
                .contains("not in the directory replica");
        assertThat(Fixtures.attempts(page.pageId())).isEmpty();
    }

    @Test
    void aPersonWithoutVerifiedChannelsGetsAllChannelsFailedAndNothingIsSent() {
        UUID id = UUID.randomUUID();
        String phone = ProviderStandIns.uniquePhone();
        String email = ProviderStandIns.uniqueEmail();
        KafkaEvents.publish(new ContactSnapshot(id, "New Joiner", "UTC", true, 1, List.of(),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.SMS, phone, 1, false),
                        new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, email, 2, false),
                        new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.WEBHOOK,
                                "https://hooks.example.org/x", 3, false)), null));
        await().atMost(WAIT).until(() -> Fixtures.replica(id) != null);
        PageRequested page = Fixtures.page(new Fixtures.Person(id, phone, email), Severity.HIGH, false);
        KafkaEvents.publish(page);
        assertThat(allFailed(page.pageId()).payloadAs(PageStatusChanged.class).detail())
                .contains("no verified SMS, email or webhook");
        assertThat(publishesTo(phone)).isEmpty();
        assertThat(mailTo(email)).isEmpty();
    }
}
