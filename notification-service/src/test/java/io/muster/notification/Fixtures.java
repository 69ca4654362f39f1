package io.muster.notification;

import static org.awaitility.Awaitility.await;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.PageRequested;
import io.muster.notification.domain.ContactReplica;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A person in the directory replica and pages for them, as escalation and the directory would publish them. */
final class Fixtures {

    static final Duration WAIT = Duration.ofSeconds(60);

    private Fixtures() {
    }

    /** A person with a verified SMS (first choice) and a verified email, published and replicated. */
    static Person person() {
        return person(ChannelType.SMS, ChannelType.EMAIL);
    }

    static Person person(ChannelType... order) {
        UUID contact = UUID.randomUUID();
        String phone = ProviderStandIns.uniquePhone();
        String email = ProviderStandIns.uniqueEmail();
        List<ContactSnapshot.Channel> channels = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            channels.add(new ContactSnapshot.Channel(UUID.randomUUID(), order[i],
                    order[i] == ChannelType.SMS ? phone : email, i + 1, true));
        }
        // An unverified channel must never be paged.
        channels.add(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL,
                "unverified-" + email, 0, false));
        KafkaEvents.publish(new ContactSnapshot(contact, "Ada Okafor", "Europe/London", true, 1,
                List.of("incident-commander"), channels, null));
        await().atMost(WAIT).until(() -> replica(contact) != null);
        return new Person(contact, phone, email);
    }

    static ContactReplica replica(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> ContactReplica.findById(contact));
    }

    static PageRequested page(Person person, Severity severity, boolean drill) {
        return new PageRequested(UUID.randomUUID(), UUID.randomUUID(), person.contactId(), "incident-commander", 1,
                0, severity, "Public S3 bucket with customer exports", "bucket acme-exports is public since 02:14",
                drill, false, false, Set.of());
    }

    static List<SendAttempt> attempts(UUID pageId) {
        return QuarkusTransaction.requiringNew().call(() -> SendAttempt.<SendAttempt>list(
                "pageId = ?1 order by channelRank, attempt", pageId));
    }

    static PageDelivery delivery(UUID pageId) {
        return QuarkusTransaction.requiringNew().call(() -> PageDelivery.findById(pageId));
    }

    record Person(UUID contactId, String phone, String email) {
    }
}
