package io.muster.notification;

import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.mailTo;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.ChannelTest;
import io.muster.notification.domain.ChannelTestStatus;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.providers.SmtpEmailSender;
import io.muster.notification.service.SendWorkers;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A process that dies mid-batch: its queue rows survive in PostgreSQL, including attempts it had claimed and
 * handed to a provider. Workers stop as they would at shutdown, the rows a crashed worker leaves are written as
 * it would have left them, and a new start must deliver everything without sending anything twice.
 */
@QuarkusTest
class CrashRecoveryTest {

    @Inject
    SendWorkers workers;

    @Inject
    TestClock clock;

    @Inject
    NotificationConfig config;

    @Test
    void aRestartInTheMiddleOfABatchLosesNothingAndSendsNoSmsTwice() throws Exception {
        Fixtures.Person person = Fixtures.person();
        workers.stop();
        List<PageRequested> pages;
        try {
            pages = IntStream.range(0, 3).mapToObj(i -> Fixtures.page(person, Severity.CRITICAL, false)).toList();
            pages.forEach(KafkaEvents::publish);
            await().atMost(WAIT).until(() -> pages.stream().allMatch(p -> Fixtures.attempts(p.pageId()).size() == 2));

            // The crashed worker had claimed page 0's SMS and page 1's email and called the providers.
            Instant claimedBeforeTheLease = clock.instant().minus(config.inFlightLease()).minusSeconds(1);
            inFlight(pages.get(0), ChannelType.SMS, claimedBeforeTheLease);
            inFlight(pages.get(1), ChannelType.EMAIL, claimedBeforeTheLease);
            assertThat(publishesTo(person.phone())).isEmpty();
            assertThat(mailTo(person.email())).isEmpty();
        } finally {
            workers.start();
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(mailTo(person.email())).as("emails, attempts %s", attemptStates(pages)).hasSize(3);
            assertThat(publishesTo(person.phone())).as("SMS, attempts %s", attemptStates(pages)).hasSize(2);
        });
        // Every page reached the person by email exactly once; the email that was in flight went again under
        // the same Message-ID, so a mailbox that already had it can drop the copy.
        List<String> messageIds = mailTo(person.email()).stream().map(m -> {
            try {
                return ((MimeMessage) m).getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(messageIds).containsExactlyInAnyOrderElementsOf(
                pages.stream().map(p -> SmtpEmailSender.messageId("page-" + p.pageId() + "-1")).toList());

        await().atMost(WAIT).until(() -> pages.stream().allMatch(p -> Fixtures.attempts(p.pageId()).stream()
                .noneMatch(a -> a.state == AttemptState.PENDING || a.state == AttemptState.IN_FLIGHT)));
        // The SMS that was in flight is not repeated (SNS has no idempotency key): it is marked uncertain.
        assertThat(Fixtures.attempts(pages.get(0).pageId())).extracting(a -> a.channelType + "#" + a.state)
                .containsExactly("SMS#UNCERTAIN", "EMAIL#SENT");
        assertThat(Fixtures.attempts(pages.get(1).pageId())).extracting(a -> a.channelType + "#" + a.attempt
                + "#" + a.state).containsExactly("SMS#1#SENT", "EMAIL#1#UNCERTAIN", "EMAIL#2#SENT");
        assertThat(Fixtures.attempts(pages.get(2).pageId())).extracting(a -> a.state)
                .containsOnly(AttemptState.SENT);
        pages.forEach(p -> assertThat(Fixtures.delivery(p.pageId()).status).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void aTestSmsInFlightWhenItsWorkerStoppedIsNotRepeatedAndEndsFailed() {
        String phone = ProviderStandIns.uniquePhone();
        ChannelTestRequested request = new ChannelTestRequested(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), ChannelType.SMS, phone, "security-lead@example.org", clock.instant());
        workers.stop();
        try {
            KafkaEvents.publish(request);
            await().atMost(WAIT).until(() -> testAttempt(request.testId()) != null);
            QuarkusTransaction.requiringNew().run(() -> {
                SendAttempt attempt = SendAttempt.find("channelTestId", request.testId()).firstResult();
                attempt.state = AttemptState.IN_FLIGHT;
                attempt.claimedAt = clock.instant().minus(config.inFlightLease()).minusSeconds(1);
            });
        } finally {
            workers.start();
        }

        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ChannelTest
                .<ChannelTest>findById(request.testId()).status) == ChannelTestStatus.FAILED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChannelTest.<ChannelTest>findById(request.testId())
                .error)).contains("in flight when its worker stopped");
        assertThat(testAttempt(request.testId()).state).isEqualTo(AttemptState.UNCERTAIN);
        assertThat(publishesTo(phone)).isEmpty();
    }

    private static SendAttempt testAttempt(UUID testId) {
        return QuarkusTransaction.requiringNew().call(() -> SendAttempt.<SendAttempt>find("channelTestId", testId)
                .firstResult());
    }

    private static List<String> attemptStates(List<PageRequested> pages) {
        return pages.stream().flatMap(p -> Fixtures.attempts(p.pageId()).stream())
                .map(a -> a.channelType + "#" + a.attempt + "#" + a.state + (a.error == null ? "" : " " + a.error))
                .toList();
    }

    /** Leaves the page's attempt on the channel as a worker that died inside the provider call would. */
    private static void inFlight(PageRequested page, ChannelType channel, Instant claimedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            SendAttempt attempt = SendAttempt.find("pageId = ?1 and channelType = ?2", page.pageId(), channel)
                    .firstResult();
            attempt.state = AttemptState.IN_FLIGHT;
            attempt.claimedAt = claimedAt;
        });
    }
}
