package io.muster.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.mailTo;
import static io.muster.notification.ProviderStandIns.publishOk;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static io.muster.notification.ProviderStandIns.sns;
import static io.muster.notification.ProviderStandIns.snsError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provider failures as SNS really answers them; retry delays are checked against the configured 10 s base. */
@QuarkusTest
class RetryAndFallbackTest {

    @Inject
    TestClock clock;

    private static String encoded(String phone) {
        return "PhoneNumber=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
    }

    private static SendAttempt attempt(PageRequested page, ChannelType channel, int number) {
        return Fixtures.attempts(page.pageId()).stream()
                .filter(a -> a.channelType == channel && a.attempt == number).findFirst().orElse(null);
    }

    private static boolean hasState(PageRequested page, ChannelType channel, int number, AttemptState state) {
        SendAttempt a = attempt(page, channel, number);
        return a != null && a.state == state;
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoffUntilSnsTakesTheMessage() {
        Fixtures.Person person = Fixtures.person();
        String scenario = "flaky-" + person.phone();
        sns().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(encoded(person.phone())))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(snsError(500, "Receiver", "InternalError", "Internal service error")));
        sns().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(encoded(person.phone())))
                .inScenario(scenario).whenScenarioStateIs("second").willSetStateTo("third")
                .willReturn(snsError(503, "Receiver", "ServiceUnavailable", "Service is unavailable")));
        sns().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(encoded(person.phone())))
                .inScenario(scenario).whenScenarioStateIs("third").willReturn(publishOk()));

        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> hasState(page, ChannelType.SMS, 2, AttemptState.PENDING));
        SendAttempt first = attempt(page, ChannelType.SMS, 1);
        SendAttempt second = attempt(page, ChannelType.SMS, 2);
        assertThat(first.state).isEqualTo(AttemptState.FAILED);
        assertThat(first.error).contains("500").contains("InternalError");
        // First retry: base 10 s with equal jitter, so between 5 and 10 s after the failure.
        assertThat(Duration.between(first.finishedAt, second.dueAt)).isBetween(Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        assertThat(publishesTo(person.phone())).hasSize(1); // nothing is sent before it is due

        clock.advance(Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> hasState(page, ChannelType.SMS, 3, AttemptState.PENDING));
        second = attempt(page, ChannelType.SMS, 2);
        SendAttempt third = attempt(page, ChannelType.SMS, 3);
        assertThat(second.error).contains("503");
        // Second retry: doubled, 10 to 20 s.
        assertThat(Duration.between(second.finishedAt, third.dueAt)).isBetween(Duration.ofSeconds(10),
                Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(20));
        await().atMost(WAIT).until(() -> hasState(page, ChannelType.SMS, 3, AttemptState.SENT));
        assertThat(publishesTo(person.phone())).hasSize(3);
        assertThat(mailTo(person.email())).isEmpty(); // SMS made it, so no fallback

        List<EventEnvelope> events = KafkaEvents.all(Topics.PAGES_STATUS, e -> e.payload() instanceof PageStatusChanged s
                && s.pageId().equals(page.pageId()) && s.channel() == ChannelType.SMS, 3, WAIT);
        assertThat(events).extracting(e -> e.payloadAs(PageStatusChanged.class).status() + "#"
                + e.payloadAs(PageStatusChanged.class).attempt())
                .containsExactly("FAILED#1", "FAILED#2", "SENT#3");

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("muster_page_request_to_send_seconds_bucket{channel=\"sms\"")
                .containsPattern("muster_provider_failures_total\\{code=\"InternalError\",provider=\"sns\"\\} [1-9]");
    }

    @Test
    void whenSnsKeepsThrottlingThePageFallsBackToEmailAfterTheRetryLimit() {
        Fixtures.Person person = Fixtures.person();
        sns().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(encoded(person.phone())))
                .willReturn(snsError(429, "Sender", "Throttled", "Rate exceeded")));
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> hasState(page, ChannelType.SMS, 2, AttemptState.PENDING));
        clock.advance(Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> hasState(page, ChannelType.SMS, 3, AttemptState.PENDING));
        clock.advance(Duration.ofSeconds(20));
        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);

        assertThat(publishesTo(person.phone())).hasSize(3);
        await().atMost(WAIT).until(() -> hasState(page, ChannelType.EMAIL, 1, AttemptState.SENT));
        assertThat(Fixtures.attempts(page.pageId())).extracting(a -> a.channelType + "#" + a.attempt + "#" + a.state)
                .containsExactly("SMS#1#FAILED", "SMS#2#FAILED", "SMS#3#FAILED", "EMAIL#1#SENT");
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.SENT);

        // The same story over REST, without the addresses.
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/deliveries/" + page.pageId())
                .then().statusCode(200)
                .body("status", equalTo("SENT"))
                .body("attempts.channel", contains("SMS", "SMS", "SMS", "EMAIL"))
                .body("attempts.state", contains("FAILED", "FAILED", "FAILED", "SENT"))
                .body("attempts[0].error", containsString("Throttled"))
                .body(not(containsString(person.phone())));
    }

    @Test
    void anInvalidNumberIsNotRetriedButFallsBackAtOnce() {
        Fixtures.Person person = Fixtures.person();
        sns().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(encoded(person.phone())))
                .willReturn(snsError(400, "Sender", "InvalidParameter",
                        "Invalid parameter: PhoneNumber Reason: " + person.phone() + " is not valid to publish to")));
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);
        assertThat(publishesTo(person.phone())).hasSize(1);
        assertThat(attempt(page, ChannelType.SMS, 1).error).contains("InvalidParameter");
        assertThat(attempt(page, ChannelType.SMS, 2)).isNull();
    }

    @Test
    void whenEveryChannelOfThePersonFailsAllChannelsFailedIsPublished() {
        Fixtures.Person person = Fixtures.person(ChannelType.SMS);
        sns().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(encoded(person.phone())))
                .willReturn(snsError(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber")));
        PageRequested page = Fixtures.page(person, Severity.CRITICAL, false);
        KafkaEvents.publish(page);

        EventEnvelope failed = KafkaEvents.first(Topics.PAGES_STATUS, e -> e.payload() instanceof PageStatusChanged s
                && s.pageId().equals(page.pageId()) && s.status() == DeliveryStatus.ALL_CHANNELS_FAILED, WAIT)
                .orElseThrow();
        assertThat(failed.payloadAs(PageStatusChanged.class).channel()).isNull();
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.ALL_CHANNELS_FAILED);
    }

    @Test
    void aHangingSnsDoesNotHoldUpEmail() {
        Fixtures.Person person = Fixtures.person();
        sns().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(encoded(person.phone())))
                .willReturn(publishOk().withFixedDelay(8_000)));
        PageRequested page = Fixtures.page(person, Severity.CRITICAL, false);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);
        assertThat(attempt(page, ChannelType.SMS, 1).state).isEqualTo(AttemptState.IN_FLIGHT);
        await().atMost(WAIT).until(() -> hasState(page, ChannelType.SMS, 1, AttemptState.SENT));
    }
}
