package io.muster.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PageIntakeTest {

    private static PageRequested page(UUID incident, boolean silent) {
        return new PageRequested(UUID.randomUUID(), incident, UUID.randomUUID(), "incident-commander", 1, 0,
                Severity.CRITICAL, "Public S3 bucket with customer exports", "bucket acme-exports is public",
                silent, silent, false, Set.of());
    }

    private static int deliveries(UUID incident) {
        return given().header("Authorization", Tokens.bearer(Roles.VIEWER)).queryParam("incidentId", incident)
                .when().get("/api/v1/deliveries").then().statusCode(200).extract().path("size()");
    }

    @Test
    void aPageRequestFromTheBrokerBecomesOneQueuedDeliveryAndAStatusEvent() {
        UUID incident = UUID.randomUUID();
        PageRequested page = page(incident, false);
        EventEnvelope sent = KafkaEvents.publish(page);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(incident) == 1);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/deliveries/" + page.pageId())
                .then().statusCode(200)
                .body("roleKey", equalTo("incident-commander"));

        // Redelivery of the same event, and the same page under a new event id: neither adds anything.
        KafkaEvents.republish(sent);
        KafkaEvents.publish(page);
        PageRequested marker = page(incident, false);
        KafkaEvents.publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(incident) == 2);

        List<EventEnvelope> statuses = KafkaEvents.all(Topics.PAGES_STATUS,
                e -> e.payload() instanceof PageStatusChanged s && s.pageId().equals(page.pageId())
                        && s.status() == DeliveryStatus.QUEUED, 2, Duration.ofSeconds(3));
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).payloadAs(PageStatusChanged.class).status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void aSilentDrillPageIsRecordedAsSuppressed() {
        UUID incident = UUID.randomUUID();
        KafkaEvents.publish(page(incident, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(incident) == 1);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).queryParam("incidentId", incident)
                .when().get("/api/v1/deliveries")
                .then().body("status", contains("SUPPRESSED")).body("drill", contains(true));
    }

    @Test
    void readingNeedsAViewerTokenAndAnIncidentId() {
        given().queryParam("incidentId", UUID.randomUUID()).when().get("/api/v1/deliveries")
                .then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).queryParam("incidentId", UUID.randomUUID())
                .when().get("/api/v1/deliveries").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("incidentId"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).queryParam("incidentId", UUID.randomUUID())
                .when().get("/api/v1/deliveries").then().statusCode(200).body("$", hasSize(0));
    }
}
