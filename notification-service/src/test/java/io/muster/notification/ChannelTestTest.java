package io.muster.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.form;
import static io.muster.notification.ProviderStandIns.mailTo;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static io.muster.notification.ProviderStandIns.sns;
import static io.muster.notification.ProviderStandIns.snsError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.notification.domain.ChannelTestStatus;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.SendAttempt;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChannelTestTest {

    private static ChannelTestRequested test(UUID contact, ChannelType type, String address) {
        return new ChannelTestRequested(UUID.randomUUID(), contact, UUID.randomUUID(), type, address,
                "security-lead@example.org", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static ValidatableResponse status(UUID testId) {
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .when().get("/api/v1/channel-tests/" + testId).then();
    }

    private static int statusCode(UUID testId) {
        return status(testId).extract().statusCode();
    }

    private static List<SendAttempt> attemptsOf(UUID testId) {
        return QuarkusTransaction.requiringNew().call(() -> SendAttempt.<SendAttempt>list("channelTestId", testId));
    }

    @Test
    void aTestSmsIsSentOnceOnTheSendingPathWithNoAckAndReportsSent() {
        UUID contact = UUID.randomUUID();
        String phone = ProviderStandIns.uniquePhone();
        ChannelTestRequested request = test(contact, ChannelType.SMS, phone);
        EventEnvelope event = KafkaEvents.publish(request);

        await().atMost(WAIT).until(() -> statusCode(request.testId()) == 200
                && ChannelTestStatus.SENT.name().equals(status(request.testId()).extract().path("status")));
        status(request.testId()).statusCode(200)
                .body("testId", equalTo(request.testId().toString()))
                .body("contactId", equalTo(contact.toString()))
                .body("channelId", equalTo(request.channelId().toString()))
                .body("channelType", equalTo("SMS"))
                .body("requestedAt", notNullValue())
                .body("sentAt", notNullValue())
                .body("error", nullValue())
                .body(org.hamcrest.Matchers.not(containsString(phone)));
        assertThat(publishesTo(phone)).hasSize(1);
        String sms = form(publishesTo(phone).get(0)).get("Message");
        assertThat(sms).contains("test page").doesNotContain("ACK").doesNotContain("[DRILL]");

        // The same event again, and the same test under a new event id: nothing new is sent. A second test to
        // the same person (same key, so consumed after them) marks the point where both were handled.
        KafkaEvents.republish(event);
        KafkaEvents.publish(request);
        String markerPhone = ProviderStandIns.uniquePhone();
        ChannelTestRequested marker = test(contact, ChannelType.SMS, markerPhone);
        KafkaEvents.publish(marker);
        await().atMost(WAIT).until(() -> publishesTo(markerPhone).size() == 1);
        assertThat(publishesTo(phone)).hasSize(1);
        assertThat(attemptsOf(request.testId())).singleElement()
                .satisfies(a -> assertThat(a.purpose).isEqualTo(MessagePurpose.CHANNEL_TEST))
                .satisfies(a -> assertThat(a.incidentId).isNull())
                .satisfies(a -> assertThat(a.pageId).isNull());
    }

    @Test
    void aTestEmailSaysItIsATestAndCarriesNoAckLink() throws Exception {
        String email = ProviderStandIns.uniqueEmail();
        ChannelTestRequested request = test(UUID.randomUUID(), ChannelType.EMAIL, email);
        KafkaEvents.publish(request);

        await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Muster test page");
        assertThat(FanOutTest.Parts.of(mail).text()).contains("test page").doesNotContain("/ack/");
        await().atMost(WAIT).until(() -> ChannelTestStatus.SENT.name()
                .equals(status(request.testId()).extract().path("status")));
        status(request.testId()).body("channelType", equalTo("EMAIL")).body("sentAt", notNullValue());
    }

    @Test
    void aNumberSnsRefusesEndsFailedWithTheProvidersReason() {
        String phone = ProviderStandIns.uniquePhone();
        sns().stubFor(post(urlEqualTo("/")).atPriority(1)
                .withRequestBody(containing("PhoneNumber=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .willReturn(snsError(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber")));
        ChannelTestRequested request = test(UUID.randomUUID(), ChannelType.SMS, phone);
        KafkaEvents.publish(request);

        await().atMost(WAIT).until(() -> statusCode(request.testId()) == 200
                && ChannelTestStatus.FAILED.name().equals(status(request.testId()).extract().path("status")));
        status(request.testId()).body("sentAt", nullValue()).body("error", containsString("InvalidParameter"));
        assertThat(publishesTo(phone)).hasSize(1);
    }

    @Test
    void aWebhookChannelIsNotTestedAndSaysWhy() {
        ChannelTestRequested request = test(UUID.randomUUID(), ChannelType.WEBHOOK, "https://hooks.example.org/x");
        KafkaEvents.publish(request);

        await().atMost(WAIT).until(() -> statusCode(request.testId()) == 200);
        status(request.testId()).body("status", equalTo("FAILED")).body("error", containsString("WEBHOOK"));
        assertThat(attemptsOf(request.testId())).isEmpty();
    }

    @Test
    void statusIsNotFoundUntilConsumedAndNeedsAnAdminAndACanonicalId() {
        UUID unknown = UUID.randomUUID();
        status(unknown).statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .when().get("/api/v1/channel-tests/not-a-test-id")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("testId"));
        given().when().get("/api/v1/channel-tests/" + unknown).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/channel-tests/" + unknown).then().statusCode(403);
    }
}
