package io.muster.escalation.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.Topics;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.escalation.EscalationApi;
import io.muster.escalation.ReplicaFixtures;
import io.muster.escalation.domain.Engagement;
import io.muster.platform.security.Roles;
import io.muster.platform.tracing.TraceContext;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One incident is one trace: the caller's trace id reaches every event the raise publishes, and an event consumed
 * with a trace id hands it on to the events its handling publishes.
 */
@QuarkusTest
class TraceContextTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    @Test
    void theCallersTraceReachesTheIncidentAndItsPagesAndAnAckCarriesItsOwnTraceOn() {
        UUID responder = ReplicaFixtures.contact("Traced Responder", 1);
        String type = EscalationApi.planWithPolicy("HIGH", 0, "[" + EscalationApi.stage(300, responder) + "]", null);
        String callerTrace = randomHex(16);
        String callerSpan = randomHex(8);
        String id = given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .header(TraceContext.HEADER, "00-" + callerTrace + "-" + callerSpan + "-01")
                .body("{\"title\":\"Traced alert\",\"severity\":\"HIGH\",\"incidentType\":\"" + type + "\"}")
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");

        String triggered = KafkaEvents.header(Topics.INCIDENTS,
                e -> e.key().equals(id) && e.type().equals("IncidentTriggered"), TraceContext.HEADER, WAIT).orElseThrow();
        String pageRequested = KafkaEvents.header(Topics.PAGES_REQUESTED,
                e -> e.type().equals("PageRequested")
                        && e.payloadAs(PageRequested.class).incidentId().toString().equals(id), TraceContext.HEADER, WAIT)
                .orElseThrow();
        assertThat(traceIdOf(triggered)).isEqualTo(callerTrace);
        assertThat(traceIdOf(pageRequested)).isEqualTo(callerTrace);
        assertThat(spanIdOf(triggered)).as("the service's own span, a child of the caller's").isNotEqualTo(callerSpan);

        // The responder's ack arrives from notification-service with notification's trace context.
        List<Engagement> engagements = Awaitility.await().atMost(WAIT)
                .until(() -> EscalationApi.engagements(UUID.fromString(id)), list -> !list.isEmpty());
        String ackTrace = randomHex(16);
        KafkaEvents.publish(new PageAcknowledged(engagements.get(0).pageId, UUID.fromString(id), responder,
                AckMethod.EMAIL_LINK, false), Map.of(TraceContext.HEADER, "00-" + ackTrace + "-" + randomHex(8) + "-01"));

        String acknowledged = KafkaEvents.header(Topics.INCIDENTS,
                e -> e.key().equals(id) && e.type().equals("IncidentAcknowledged"), TraceContext.HEADER, WAIT)
                .orElseThrow();
        assertThat(traceIdOf(acknowledged)).isEqualTo(ackTrace);
    }

    @Test
    void malformedTraceHeadersAreIgnoredNotTrusted() {
        assertThat(TraceContext.parse("00-" + "0".repeat(32) + "-" + randomHex(8) + "-01")).as("all-zero trace id")
                .isEmpty();
        assertThat(TraceContext.parse("ff-" + randomHex(16) + "-" + randomHex(8) + "-01")).as("version ff is forbidden")
                .isEmpty();
        // W3C: a later version is read by the fields version 00 defines, so a newer sender still joins the trace.
        String later = randomHex(16);
        assertThat(TraceContext.parse("01-" + later + "-" + randomHex(8) + "-01")).as("a later version").get()
                .satisfies(c -> assertThat(c.getTraceId()).isEqualTo(later));
        assertThat(TraceContext.parse("00-" + randomHex(16) + "-" + randomHex(8))).as("missing flags").isEmpty();
        assertThat(TraceContext.parse("00-" + randomHex(16).toUpperCase() + "-" + randomHex(8) + "-01"))
                .as("upper-case hex is not W3C").isEmpty();
        String trace = randomHex(16);
        assertThat(TraceContext.parse("00-" + trace + "-" + randomHex(8) + "-00")).get()
                .satisfies(c -> assertThat(c.getTraceId()).isEqualTo(trace));
    }
}
