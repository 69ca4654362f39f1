package io.muster.notification;

import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.mailTo;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.SendAttempt;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A game day's "channel down" fault: the provider is never called, the attempt fails, the fallback runs. */
@QuarkusTest
class DrillChannelFaultTest {

    private static final String DETAIL = "drill fault: channel down";

    private static PageRequested page(Fixtures.Person person, Severity severity, boolean drill, boolean silent,
            Set<ChannelType> down) {
        return new PageRequested(UUID.randomUUID(), UUID.randomUUID(), person.contactId(), "incident-commander", 1,
                1, severity, "Ransomware on file server", "game day run 12", drill, silent, false, down);
    }

    private static List<PageStatusChanged> statuses(PageRequested page, int atLeast) {
        return KafkaEvents.all(Topics.PAGES_STATUS, e -> e.payload() instanceof PageStatusChanged s
                && s.pageId().equals(page.pageId()), atLeast, WAIT).stream()
                .map(e -> e.payloadAs(PageStatusChanged.class)).toList();
    }

    private static boolean attemptIs(PageRequested page, ChannelType channel, AttemptState state) {
        return Fixtures.attempts(page.pageId()).stream().anyMatch(a -> a.channelType == channel && a.state == state);
    }

    @Test
    void aDrillPageWithSmsDownSendsNoSmsFailsItWithTheDrillDetailAndFallsBackToEmail() {
        Fixtures.Person person = Fixtures.person(ChannelType.SMS, ChannelType.EMAIL);
        PageRequested page = page(person, Severity.HIGH, true, false, Set.of(ChannelType.SMS));
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);
        await().atMost(WAIT).until(() -> attemptIs(page, ChannelType.EMAIL, AttemptState.SENT));
        assertThat(publishesTo(person.phone())).as("SNS never asked").isEmpty();
        List<SendAttempt> attempts = Fixtures.attempts(page.pageId());
        assertThat(attempts).extracting(a -> a.channelType + "#" + a.attempt + "#" + a.state)
                .containsExactly("SMS#1#FAILED", "EMAIL#1#SENT");
        assertThat(attempts.get(0).error).isEqualTo(DETAIL);
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.SENT);

        // Published like a real failure, so escalation and game-day scorecards see the channel fail.
        List<PageStatusChanged> events = statuses(page, 3);
        assertThat(events).extracting(s -> s.channel() + "#" + s.status())
                .containsSubsequence("null#QUEUED", "SMS#FAILED", "EMAIL#SENT");
        PageStatusChanged smsFailed = events.stream().filter(s -> s.channel() == ChannelType.SMS).findFirst()
                .orElseThrow();
        assertThat(smsFailed.detail()).isEqualTo(DETAIL);
        assertThat(smsFailed.drill()).isTrue();

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/deliveries/" + page.pageId())
                .then().statusCode(200)
                .body("attempts.channel", contains("SMS", "EMAIL"))
                .body("attempts.error", contains(DETAIL, null));
    }

    @Test
    void aCriticalDrillWithEveryChannelDownReportsAllChannelsFailedWithoutCallingAnyProvider() {
        Fixtures.Person person = Fixtures.person(ChannelType.SMS, ChannelType.EMAIL);
        PageRequested page = page(person, Severity.CRITICAL, true, false, Set.of(ChannelType.SMS, ChannelType.EMAIL));
        KafkaEvents.publish(page);

        EventEnvelope allFailed = KafkaEvents.first(Topics.PAGES_STATUS, e -> e.payload() instanceof PageStatusChanged s
                && s.pageId().equals(page.pageId()) && s.status() == DeliveryStatus.ALL_CHANNELS_FAILED, WAIT)
                .orElseThrow();
        assertThat(allFailed.payloadAs(PageStatusChanged.class).drill()).isTrue();
        assertThat(Fixtures.attempts(page.pageId())).extracting(a -> a.channelType + "#" + a.state + "#" + a.error)
                .containsExactly("SMS#FAILED#" + DETAIL, "EMAIL#FAILED#" + DETAIL);
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.ALL_CHANNELS_FAILED);
        assertThat(statuses(page, 4)).extracting(s -> s.channel() + "#" + s.status())
                .containsExactly("null#QUEUED", "SMS#FAILED", "EMAIL#FAILED", "null#ALL_CHANNELS_FAILED");
        assertThat(publishesTo(person.phone())).isEmpty();
        assertThat(mailTo(person.email())).isEmpty();
    }

    @Test
    void aCriticalDrillThatStartsOnTwoChannelsWithSmsDownSendsTheEmailOnce() {
        Fixtures.Person person = Fixtures.person(ChannelType.SMS, ChannelType.EMAIL);
        PageRequested page = page(person, Severity.CRITICAL, true, false, Set.of(ChannelType.SMS));
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> attemptIs(page, ChannelType.EMAIL, AttemptState.SENT));
        // The email, queued with the first channels, is not queued a second time by the move past the SMS.
        assertThat(Fixtures.attempts(page.pageId())).extracting(a -> a.channelType + "#" + a.attempt + "#" + a.state)
                .containsExactly("SMS#1#FAILED", "EMAIL#1#SENT");
        assertThat(mailTo(person.email())).hasSize(1);
        assertThat(publishesTo(person.phone())).isEmpty();
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aRealPageIsSentOnEveryChannelEvenIfItNamesADownChannel() {
        Fixtures.Person person = Fixtures.person(ChannelType.SMS, ChannelType.EMAIL);
        // Only drills carry faults; a real page that claims one (a faulty producer) must still be sent.
        PageRequested page = page(person, Severity.HIGH, false, false, Set.of(ChannelType.SMS));
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> attemptIs(page, ChannelType.SMS, AttemptState.SENT));
        assertThat(publishesTo(person.phone())).hasSize(1);
        assertThat(Fixtures.attempts(page.pageId())).extracting(a -> a.channelType + "#" + a.state)
                .containsExactly("SMS#SENT");
        assertThat(mailTo(person.email())).isEmpty();
    }

    @Test
    void aSilentDrillWithAChannelDownIsStillOnlyRecorded() {
        Fixtures.Person person = Fixtures.person(ChannelType.SMS, ChannelType.EMAIL);
        PageRequested page = page(person, Severity.CRITICAL, true, true, Set.of(ChannelType.SMS));
        KafkaEvents.publish(page);

        PageStatusChanged suppressed = KafkaEvents.first(Topics.PAGES_STATUS, e -> e.payload()
                instanceof PageStatusChanged s && s.pageId().equals(page.pageId()), WAIT).orElseThrow()
                .payloadAs(PageStatusChanged.class);
        assertThat(suppressed.status()).isEqualTo(DeliveryStatus.SUPPRESSED);
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.SUPPRESSED);
        assertThat(Fixtures.attempts(page.pageId())).isEmpty();
    }
}
