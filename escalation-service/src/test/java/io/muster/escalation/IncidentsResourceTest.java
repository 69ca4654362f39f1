package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentsResourceTest {

    private static String incident(String dedupKey) {
        return """
                {"title":"Ransomware note on db-7","summary":"Files renamed *.locked","severity":"critical",
                 "incidentType":"ransomware","source":"edr","dedupKey":"%s"}
                """.formatted(dedupKey).replace("\"critical\"", "\"CRITICAL\"");
    }

    @Test
    void anIntegrationRaisesAnIncidentThatIsStoredAndAnnounced() {
        String dedup = "edr-" + UUID.randomUUID();
        String id = given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .body(incident(dedup))
                .when().post("/api/v1/incidents")
                .then().statusCode(201)
                .body("status", equalTo("TRIGGERED"))
                .extract().path("id");

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents/" + id)
                .then().statusCode(200)
                .body("dedupKey", equalTo(dedup))
                .body("severity", equalTo("CRITICAL"));

        // The default plan may escalate at once past roles nobody in this test's directory holds: only the
        // trigger is about the raise.
        List<EventEnvelope> events = KafkaEvents.all(Topics.INCIDENTS, e -> e.key().equals(id)
                && e.payload() instanceof IncidentTriggered, 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        IncidentTriggered triggered = events.get(0).payloadAs(IncidentTriggered.class);
        assertThat(triggered.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(triggered.dedupKey()).isEqualTo(dedup);
    }

    @Test
    void aRepeatedTriggerWithTheSameDedupKeyAddsToTheOpenIncident() {
        String dedup = "edr-" + UUID.randomUUID();
        String token = Tokens.bearer(Roles.INTEGRATION);
        String first = given().header("Authorization", token).contentType(ContentType.JSON).body(incident(dedup))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        given().header("Authorization", token).contentType(ContentType.JSON).body(incident(dedup))
                .when().post("/api/v1/incidents")
                .then().statusCode(200)
                .body("id", equalTo(first))
                .body("triggerCount", equalTo(2));
        assertThat(KafkaEvents.all(Topics.INCIDENTS, e -> e.key().equals(first)
                && e.payload() instanceof IncidentTriggered, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String token = Tokens.bearer(Roles.INTEGRATION);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(incident("x").replace("\"CRITICAL\"", "\"APOCALYPTIC\""))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("severity"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(incident("x").replace("Ransomware note on db-7", "x".repeat(201)))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", contains("title"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"severity\":\"LOW\",\"incidentType\":\"ddos\"}")
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", contains("title"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents?limit=100000")
                .then().statusCode(400).body("errors.field", contains("limit"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rolesDecideWhoMayRaiseAndWhoMayRead() {
        given().contentType(ContentType.JSON).body(incident("r-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).contentType(ContentType.JSON)
                .body(incident("r-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(incident("r-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents").then().statusCode(201);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION))
                .when().get("/api/v1/incidents").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents").then().statusCode(200);
    }
}
