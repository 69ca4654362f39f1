package io.muster.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.form;
import static io.muster.notification.ProviderStandIns.mailTo;
import static io.muster.notification.ProviderStandIns.publishesTo;
import static io.muster.notification.ProviderStandIns.sns;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.providers.SmtpEmailSender;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AcknowledgementTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8083(/ack/\\S+)");
    private static final Pattern CODE = Pattern.compile("Reply ACK (\\d{6})");

    @Inject
    TestClock clock;

    private static String ackPath(Fixtures.Person person) throws Exception {
        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);
        String text = FanOutTest.Parts.of(mailTo(person.email()).get(0)).text();
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("ack link in %s", text).isTrue();
        return m.group(1);
    }

    private static PageAcknowledged ackEvent(UUID pageId) {
        return KafkaEvents.first(Topics.PAGES_ACKS, e -> e.payload() instanceof PageAcknowledged a
                && a.pageId().equals(pageId), WAIT).orElseThrow().payloadAs(PageAcknowledged.class);
    }

    @Test
    void anEmailLinkShowsAConfirmationPageOnGetAndAcknowledgesOnceOnPost() throws Exception {
        Fixtures.Person person = Fixtures.person(ChannelType.EMAIL);
        PageRequested page = Fixtures.page(person, Severity.HIGH, true);
        KafkaEvents.publish(page);
        String path = ackPath(person);

        // GET (what a mail scanner does) shows the page and changes nothing, however often.
        for (int i = 0; i < 2; i++) {
            given().when().get(path).then().statusCode(200).contentType("text/html")
                    .body(containsString("Acknowledge: Public S3 bucket with customer exports"))
                    .body(containsString("<form method=\"post\" action=\"" + path + "\">"))
                    .body(containsString("[DRILL]"));
        }
        assertThat(Fixtures.delivery(page.pageId()).acknowledgedAt).isNull();

        given().when().post(path).then().statusCode(200).body(containsString("Acknowledged"));
        PageAcknowledged ack = ackEvent(page.pageId());
        assertThat(ack.method()).isEqualTo(AckMethod.EMAIL_LINK);
        assertThat(ack.contactId()).isEqualTo(person.contactId());
        assertThat(ack.drill()).isTrue();
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.ACKNOWLEDGED);

        given().when().post(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://muster.dev/problems/ack-link-used"))
                .body("errors[0].field", equalTo("token"));
        given().when().get(path).then().statusCode(409);
    }

    @Test
    void anExpiredLinkIsRefusedWith410() throws Exception {
        Fixtures.Person person = Fixtures.person(ChannelType.EMAIL);
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);
        String path = ackPath(person);
        await().atMost(WAIT).until(() -> {
            var attempts = Fixtures.attempts(page.pageId());
            return !attempts.isEmpty() && attempts.stream().allMatch(a -> a.state == AttemptState.SENT);
        });

        clock.advance(Duration.ofHours(1).plusSeconds(1)); // the test profile's link lifetime is one hour
        given().when().get(path).then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://muster.dev/problems/ack-link-expired"));
        given().when().post(path).then().statusCode(410);
        assertThat(Fixtures.delivery(page.pageId()).acknowledgedAt).isNull();
    }

    @Test
    void aTamperedLinkIsRefused() throws Exception {
        Fixtures.Person person = Fixtures.person(ChannelType.EMAIL);
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);
        String path = ackPath(person);
        // Point the signed link at another page: the signature no longer matches.
        String forged = path.replaceFirst("/ack/[0-9a-f-]{36}", "/ack/" + UUID.randomUUID());
        given().when().post(forged).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://muster.dev/problems/ack-link-invalid"));
        given().when().post("/ack/not-a-token").then().statusCode(404);
        assertThat(Fixtures.delivery(page.pageId()).acknowledgedAt).isNull();
    }

    @Test
    void anSmsReplyArrivingThroughASignedSnsNotificationAcknowledgesThePage() {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 1);
        Matcher m = CODE.matcher(form(publishesTo(person.phone()).get(0)).get("Message"));
        assertThat(m.find()).isTrue();
        String code = m.group(1);

        // A reply from a number nobody verified changes nothing.
        given().contentType("text/plain; charset=UTF-8")
                .body(SnsTestSigner.json(SnsTestSigner.smsNotification(ProviderStandIns.uniquePhone(), "ACK " + code)))
                .when().post("/api/v1/sns/inbound").then().statusCode(200).body("result", equalTo("not-paged"));
        assertThat(Fixtures.delivery(page.pageId()).acknowledgedAt).isNull();

        given().contentType("text/plain; charset=UTF-8")
                .body(SnsTestSigner.json(SnsTestSigner.smsNotification(person.phone(), " ack " + code + " ")))
                .when().post("/api/v1/sns/inbound").then().statusCode(200)
                .body("result", equalTo("acknowledged")).body("pageId", equalTo(page.pageId().toString()));
        PageAcknowledged ack = ackEvent(page.pageId());
        assertThat(ack.method()).isEqualTo(AckMethod.SMS_REPLY);
        assertThat(ack.incidentId()).isEqualTo(page.incidentId());
        assertThat(Fixtures.delivery(page.pageId()).status).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
    }

    @Test
    void anAcknowledgementCancelsWhatIsStillWaitingToBeSent() throws Exception {
        Fixtures.Person person = Fixtures.person();
        sns().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "PhoneNumber=" + java.net.URLEncoder.encode(person.phone(),
                                java.nio.charset.StandardCharsets.UTF_8)))
                .willReturn(ProviderStandIns.snsError(500, "Receiver", "InternalError", "Internal service error")));
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> Fixtures.attempts(page.pageId()).stream()
                .anyMatch(a -> a.attempt == 2 && a.state == AttemptState.PENDING));

        // The responder saw the incident elsewhere and answers with the code from another channel.
        String code = Fixtures.delivery(page.pageId()).ackCode;
        given().contentType("text/plain")
                .body(SnsTestSigner.json(SnsTestSigner.smsNotification(person.phone(), "ACK " + code)))
                .when().post("/api/v1/sns/inbound").then().statusCode(200).body("result", equalTo("acknowledged"));

        assertThat(Fixtures.attempts(page.pageId())).extracting(a -> a.attempt + "#" + a.state)
                .containsExactly("1#FAILED", "2#CANCELLED");
        clock.advance(Duration.ofSeconds(30));
        // Once due, the cancelled retry still sends nothing, and no fallback email goes out either.
        PageRequested marker = Fixtures.page(person, Severity.CRITICAL, false);
        KafkaEvents.publish(marker);
        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1
                && publishesTo(person.phone()).size() >= 2);
        assertThat(mailTo(person.email()).get(0).getMessageID())
                .isEqualTo(SmtpEmailSender.messageId("page-" + marker.pageId() + "-1"));
        assertThat(publishesTo(person.phone())).hasSize(2); // the page's failed first attempt and the marker's SMS
    }

    @Test
    void anEmptyOrOversizedInboundBodyIsABadRequest() {
        given().contentType("text/plain").body("").when().post("/api/v1/sns/inbound").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().contentType("text/plain").body("x".repeat(300_000)).when().post("/api/v1/sns/inbound")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void aForgedSnsMessageIsRefused() {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);
        await().atMost(WAIT).until(() -> publishesTo(person.phone()).size() == 1);
        Matcher m = CODE.matcher(form(publishesTo(person.phone()).get(0)).get("Message"));
        assertThat(m.find()).isTrue();

        // Signed for one text, delivered with another.
        Map<String, String> altered = SnsTestSigner.smsNotification(person.phone(), "hello");
        altered.put("Message", altered.get("Message").replace("hello", "ACK " + m.group(1)));
        given().contentType("text/plain").body(SnsTestSigner.json(altered))
                .when().post("/api/v1/sns/inbound").then().statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Signature"));

        // Signed by the forger's own key, with the certificate on a host that is not SNS.
        Map<String, String> elsewhere = SnsTestSigner.smsNotification(person.phone(), "ACK " + m.group(1));
        elsewhere.put("SigningCertURL", "https://evil.example.com/SimpleNotificationService-x.pem");
        given().contentType("text/plain").body(SnsTestSigner.json(elsewhere))
                .when().post("/api/v1/sns/inbound").then().statusCode(403)
                .body("errors[0].field", equalTo("SigningCertURL"));

        Map<String, String> unknownVersion = SnsTestSigner.smsNotification(person.phone(), "ACK " + m.group(1));
        unknownVersion.put("SignatureVersion", "3");
        given().contentType("text/plain").body(SnsTestSigner.json(unknownVersion))
                .when().post("/api/v1/sns/inbound").then().statusCode(403);

        given().contentType("text/plain").body("{not json").when().post("/api/v1/sns/inbound")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(Fixtures.delivery(page.pageId()).acknowledgedAt).isNull();
    }

    @Test
    void theSubscriptionHandshakeIsConfirmedByCallingTheSignedSubscribeUrl() {
        String token = UUID.randomUUID().toString().replace("-", "");
        sns().stubFor(get(urlPathEqualTo("/confirm")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody("<ConfirmSubscriptionResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                        + "<ConfirmSubscriptionResult><SubscriptionArn>" + SnsTestSigner.TOPIC + ":" + token
                        + "</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>")));
        String subscribeUrl = "http://localhost:" + sns().port() + "/confirm?Action=ConfirmSubscription&TopicArn="
                + SnsTestSigner.TOPIC + "&Token=" + token;

        given().contentType("text/plain")
                .body(SnsTestSigner.json(SnsTestSigner.subscriptionConfirmation(subscribeUrl, token)))
                .when().post("/api/v1/sns/inbound").then().statusCode(200)
                .body("result", equalTo("subscription-confirmed"));
        assertThat(sns().findAll(getRequestedFor(urlPathEqualTo("/confirm")))
                .stream().filter(r -> r.getUrl().contains(token)).count()).isEqualTo(1);

        // A confirmation whose signature does not cover its SubscribeURL is not followed.
        Map<String, String> redirected = SnsTestSigner.subscriptionConfirmation(subscribeUrl, token + "x");
        redirected.put("SubscribeURL", subscribeUrl + "x");
        given().contentType("text/plain").body(SnsTestSigner.json(redirected))
                .when().post("/api/v1/sns/inbound").then().statusCode(403);
        assertThat(sns().findAll(getRequestedFor(urlPathEqualTo("/confirm")))
                .stream().filter(r -> r.getUrl().contains(token + "x")).count()).isZero();
    }
}
