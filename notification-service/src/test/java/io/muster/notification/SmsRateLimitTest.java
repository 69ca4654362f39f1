package io.muster.notification;

import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.form;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.SendAttempt;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The test profile allows 3 SMS per person per 15 minutes. */
@QuarkusTest
class SmsRateLimitTest {

    @Inject
    TestClock clock;

    private static PageRequested page(Fixtures.Person person, Severity severity, String title) {
        return new PageRequested(UUID.randomUUID(), UUID.randomUUID(), person.contactId(), "soc-analyst", 1, 0,
                severity, title, "details in the incident", false, false, false, Set.of());
    }

    private static List<SendAttempt> summaries(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> SendAttempt.<SendAttempt>list(
                "contactId = ?1 and purpose = ?2", contact, MessagePurpose.SMS_SUMMARY));
    }

    @Test
    void smsBeyondTheLimitAreBundledIntoOneSummaryAndCriticalPagesAreNeverHeldBack() {
        Fixtures.Person person = Fixtures.person();
        List<PageRequested> first = Stream.of("Disk full on db-1", "Disk full on db-2", "Disk full on db-3")
                .map(t -> page(person, Severity.MEDIUM, t)).toList();
        PageRequested excess1 = page(person, Severity.LOW, "Cert expiring on api");
        PageRequested excess2 = page(person, Severity.MEDIUM, "Backup job late");
        PageRequested critical = page(person, Severity.CRITICAL, "Domain admin created");
        Stream.concat(first.stream(), Stream.of(excess1, excess2, critical)).forEach(KafkaEvents::publish);

        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 4);
        await().atMost(WAIT).until(() -> Stream.concat(first.stream(), Stream.of(critical))
                .flatMap(p -> Fixtures.attempts(p.pageId()).stream()).allMatch(a -> a.state == AttemptState.SENT));
        assertThat(form(publishesTo(person.phone()).get(3)).get("Message")).contains("Domain admin created");
        // The excess pages are not lost and not sent one by one: one summary waits for the window to open.
        assertThat(Fixtures.attempts(excess1.pageId())).isEmpty();
        assertThat(summaries(person.contactId())).singleElement()
                .satisfies(s -> assertThat(s.state).isEqualTo(AttemptState.PENDING));
        assertThat(Fixtures.delivery(excess2.pageId()).status).isEqualTo(DeliveryStatus.QUEUED);

        clock.advance(Duration.ofMinutes(15));
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 5);
        String summary = form(publishesTo(person.phone()).get(4)).get("Message");
        assertThat(summary).startsWith("Muster: 2 more pages: ")
                .contains("ACK " + Fixtures.delivery(excess1.pageId()).ackCode + " Cert expiring on api")
                .contains("ACK " + Fixtures.delivery(excess2.pageId()).ackCode + " Backup job late")
                .hasSizeLessThanOrEqualTo(160);

        for (PageRequested bundled : List.of(excess1, excess2)) {
            EventEnvelope sent = KafkaEvents.first(Topics.PAGES_STATUS, e -> e.payload() instanceof PageStatusChanged s
                    && s.pageId().equals(bundled.pageId()) && s.status() == DeliveryStatus.SENT, WAIT).orElseThrow();
            assertThat(sent.payloadAs(PageStatusChanged.class).channel()).isEqualTo(ChannelType.SMS);
            assertThat(sent.payloadAs(PageStatusChanged.class).detail()).contains("summary of 2 pages");
            assertThat(Fixtures.delivery(bundled.pageId()).status).isEqualTo(DeliveryStatus.SENT);
        }
    }
    @Test
    void aFallbackToSmsCountsAgainstTheLimitAndIsBundledLikeAFirstChoiceSms() {
        Fixtures.Person person = Fixtures.person(ChannelType.EMAIL, ChannelType.SMS);
        // Critical pages go to every channel at once: three of them fill the person's SMS window.
        List<PageRequested> critical = Stream.of("Domain admin created", "Root key used", "MFA disabled")
                .map(t -> page(person, Severity.CRITICAL, t)).toList();
        critical.forEach(KafkaEvents::publish);
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 3);

        // Email, the first choice, is down in this drill: the page falls back to SMS, and the window has no room.
        PageRequested fallback = new PageRequested(UUID.randomUUID(), UUID.randomUUID(), person.contactId(),
                "soc-analyst", 1, 0, Severity.MEDIUM, "Backup job late", "details in the incident", true, false,
                false, Set.of(ChannelType.EMAIL));
        KafkaEvents.publish(fallback);
        await().atMost(WAIT).until(() -> summaries(person.contactId()).size() == 1);
        assertThat(Fixtures.attempts(fallback.pageId())).singleElement()
                .satisfies(a -> assertThat(a.channelType).isEqualTo(ChannelType.EMAIL))
                .satisfies(a -> assertThat(a.state).isEqualTo(AttemptState.FAILED));
        assertThat(publishesTo(person.phone())).hasSize(3);

        clock.advance(Duration.ofMinutes(15));
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 4);
        assertThat(form(publishesTo(person.phone()).get(3)).get("Message"))
                .startsWith("[DRILL] Muster: 1 more pages: ")
                .contains("ACK " + Fixtures.delivery(fallback.pageId()).ackCode + " Backup job late");
    }
}
