package io.muster.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.muster.notification.Fixtures.WAIT;
import static io.muster.notification.ProviderStandIns.mailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.PageRequested;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.providers.WebhookSender;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pages to webhook channels: a signed JSON POST over TLS, and fallback when the receiver refuses for good. */
@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A person whose first channel is a verified webhook at {@code url}, then a verified email. */
    private static Fixtures.Person webhookFirst(String url) {
        UUID id = UUID.randomUUID();
        String email = ProviderStandIns.uniqueEmail();
        KafkaEvents.publish(new ContactSnapshot(id, "Bot Bridge", "UTC", true, 1, List.of("incident-commander"),
                List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.WEBHOOK, url, 1, true),
                        new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, email, 2, true)), null));
        await().atMost(WAIT).until(() -> Fixtures.replica(id) != null);
        return new Fixtures.Person(id, null, email);
    }

    private static List<LoggedRequest> received(String url) {
        return WebhookReceiver.server().findAll(postRequestedFor(urlEqualTo(URI.create(url).getPath())));
    }

    @Test
    void aPageIsPostedAsSignedJsonOverTls() throws Exception {
        String url = WebhookReceiver.uniqueUrl();
        WebhookReceiver.server().stubFor(post(urlEqualTo(URI.create(url).getPath()))
                .willReturn(aResponse().withStatus(202)));
        Fixtures.Person person = webhookFirst(url);
        PageRequested page = Fixtures.page(person, Severity.HIGH, true);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> received(url).size() == 1);
        LoggedRequest request = received(url).get(0);
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.path("type").asText()).isEqualTo("page");
        assertThat(body.path("pageId").asText()).isEqualTo(page.pageId().toString());
        assertThat(body.path("incidentId").asText()).isEqualTo(page.incidentId().toString());
        assertThat(body.path("title").asText()).isEqualTo("[DRILL] " + page.title());
        assertThat(body.path("severity").asText()).isEqualTo("HIGH");
        assertThat(body.path("ackCode").asText()).isEqualTo(Fixtures.delivery(page.pageId()).ackCode);
        assertThat(body.path("ackUrl").asText()).contains("/ack/");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("page-" + page.pageId() + "-0");

        // The receiver recomputes the signature from the timestamp and the exact bytes it got.
        String signature = request.getHeader(WebhookSender.SIGNATURE_HEADER);
        long timestamp = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(signature).isEqualTo(WebhookSender.signature(WebhookReceiver.SIGNING_SECRET, timestamp,
                request.getBodyAsString()));
        assertThat(signature).isNotEqualTo(WebhookSender.signature("another-secret-of-the-same-length-0123456",
                timestamp, request.getBodyAsString()));

        await().atMost(WAIT).until(() -> Fixtures.attempts(page.pageId()).stream()
                .anyMatch(a -> a.channelType == ChannelType.WEBHOOK && a.state == AttemptState.SENT));
        assertThat(mailTo(person.email())).as("a high page starts with the first channel only").isEmpty();
    }

    @Test
    void aReceiverThatRefusesForGoodIsNotRetriedAndTheNextChannelCarriesThePage() {
        String url = WebhookReceiver.uniqueUrl();
        WebhookReceiver.server().stubFor(post(urlEqualTo(URI.create(url).getPath()))
                .willReturn(aResponse().withStatus(410)));
        Fixtures.Person person = webhookFirst(url);
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);
        List<SendAttempt> webhook = Fixtures.attempts(page.pageId()).stream()
                .filter(a -> a.channelType == ChannelType.WEBHOOK).toList();
        assertThat(webhook).hasSize(1);
        assertThat(webhook.get(0).state).isEqualTo(AttemptState.FAILED);
        assertThat(received(url)).hasSize(1);
    }

    @Test
    void aPlainHttpAddressIsNeverCalledAndTheNextChannelCarriesThePage() {
        String url = "http://localhost:" + WebhookReceiver.server().port() + "/hooks/" + UUID.randomUUID();
        WebhookReceiver.server().stubFor(post(urlEqualTo(URI.create(url).getPath()))
                .willReturn(aResponse().withStatus(200)));
        Fixtures.Person person = webhookFirst(url);
        PageRequested page = Fixtures.page(person, Severity.HIGH, false);
        KafkaEvents.publish(page);

        await().atMost(WAIT).until(() -> mailTo(person.email()).size() == 1);
        assertThat(received(url)).isEmpty();
        assertThat(Fixtures.attempts(page.pageId()).stream().filter(a -> a.channelType == ChannelType.WEBHOOK))
                .singleElement().satisfies(a -> assertThat(a.state).isEqualTo(AttemptState.FAILED));
    }
}
