package io.muster.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.muster.notification.ProviderStandIns.sns;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.muster.contracts.Severity;
import io.muster.contracts.pages.PageRequested;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Any AWS account can create a topic, subscribe the inbound endpoint to it and have SNS sign what it publishes: a
 * valid signature proves SNS sent the message, not that it came from our two-way SMS topic.
 */
@QuarkusTest
class SnsInboundTopicTest {

    private static final String REFUSED = "muster_sns_inbound_refused_total";

    @Test
    void aValidlySignedSmsReplyFromAnotherTopicIsRefusedAndAcknowledgesNothing() {
        Fixtures.Person person = Fixtures.person();
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> Fixtures.delivery(page.pageId()) != null);
        String code = Fixtures.delivery(page.pageId()).ackCode;
        double before = MetricsScrape.counter(REFUSED, "reason", "topic");
        double signatureBefore = MetricsScrape.counter(REFUSED, "reason", "signature");

        // The right code from the right number, signed by SNS's certificate: only the topic is someone else's.
        given().contentType("text/plain").body(SnsTestSigner.json(
                        SnsTestSigner.smsNotification(SnsTestSigner.OTHER_TOPIC, person.phone(), "ACK " + code)))
                .when().post("/api/v1/sns/inbound").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://muster.dev/problems/sns-message-refused"))
                .body("errors[0].field", equalTo("TopicArn"));

        assertThat(Fixtures.delivery(page.pageId()).acknowledgedAt).isNull();
        assertThat(MetricsScrape.counter(REFUSED, "reason", "topic")).isEqualTo(before + 1);
        assertThat(MetricsScrape.counter(REFUSED, "reason", "signature")).as("the signature was valid")
                .isEqualTo(signatureBefore);

        // The same reply through our own topic is taken.
        given().contentType("text/plain").body(SnsTestSigner.json(
                        SnsTestSigner.smsNotification(person.phone(), "ACK " + code)))
                .when().post("/api/v1/sns/inbound").then().statusCode(200).body("result", equalTo("acknowledged"));
    }

    @Test
    void aSubscriptionToAnotherTopicIsNeitherConfirmedNorUnsubscribed() {
        String token = UUID.randomUUID().toString().replace("-", "");
        sns().stubFor(get(urlPathEqualTo("/confirm-other")).willReturn(aResponse().withStatus(200)));
        String subscribeUrl = "http://localhost:" + sns().port() + "/confirm-other?Action=ConfirmSubscription&TopicArn="
                + SnsTestSigner.OTHER_TOPIC + "&Token=" + token;
        double before = MetricsScrape.counter(REFUSED, "reason", "topic");
        double signatureBefore = MetricsScrape.counter(REFUSED, "reason", "signature");

        for (String type : new String[] {"SubscriptionConfirmation", "UnsubscribeConfirmation"}) {
            given().contentType("text/plain").body(SnsTestSigner.json(SnsTestSigner.confirmation(type,
                            SnsTestSigner.OTHER_TOPIC, subscribeUrl, token)))
                    .when().post("/api/v1/sns/inbound").then().statusCode(403)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("TopicArn"));
        }

        assertThat(sns().findAll(getRequestedFor(urlPathEqualTo("/confirm-other")))).isEmpty();
        assertThat(MetricsScrape.counter(REFUSED, "reason", "topic")).isEqualTo(before + 2);
        assertThat(MetricsScrape.counter(REFUSED, "reason", "signature")).isEqualTo(signatureBefore);
    }

    @Test
    void aForgedSignatureIsCountedAsSuch() {
        double before = MetricsScrape.counter(REFUSED, "reason", "signature");
        var altered = SnsTestSigner.smsNotification(ProviderStandIns.uniquePhone(), "hello");
        altered.put("Message", altered.get("Message").replace("hello", "ACK 123456"));
        given().contentType("text/plain").body(SnsTestSigner.json(altered))
                .when().post("/api/v1/sns/inbound").then().statusCode(403).body("errors[0].field", equalTo("Signature"));
        assertThat(MetricsScrape.counter(REFUSED, "reason", "signature")).isEqualTo(before + 1);
    }
}
