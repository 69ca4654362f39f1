package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInRelativeOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentLifecycleTest {

    @Inject
    MutableClock clock;

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A type whose plan pages one known person, so every timeline here starts the same way. */
    private static String plannedType(String severity) {
        UUID responder = ReplicaFixtures.contact("Lifecycle Responder", 7);
        return EscalationApi.planWithPolicy(severity, 0, "[" + EscalationApi.stage(300, responder) + "]", null);
    }

    private static String raise(String dedupKey, String type, String severity) {
        return as(Roles.INTEGRATION).body("{\"title\":\"Exfiltration alert\",\"severity\":\"" + severity
                + "\",\"incidentType\":\"" + type + "\",\"dedupKey\":\"" + dedupKey + "\"}")
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void anIncidentIsAcknowledgedResolvedAndEveryStepIsOnItsTimeline() {
        String login = "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = ReplicaFixtures.personWithLogin("Lifecycle Lead", login);
        String type = EscalationApi.planWithPolicy("HIGH", 0, "[" + EscalationApi.stage(300, lead) + "]", null);
        String id = raise(UUID.randomUUID().toString(), type, "HIGH");
        Supplier<RequestSpecification> asLead = () -> given()
                .header("Authorization", "Bearer " + Tokens.token(login, Roles.RESPONDER)).contentType(ContentType.JSON);
        asLead.get().when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(login)).body("acknowledgedContactId", equalTo(lead.toString()))
                .body("escalationState", equalTo("STOPPED"));
        // Acknowledging again changes nothing.
        asLead.get().when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        as(Roles.RESPONDER).body("{\"text\":\"Blocked the egress IP at the firewall\"}")
                .when().post("/api/v1/incidents/" + id + "/notes")
                .then().statusCode(201).body("kind", equalTo("note")).body("actor", equalTo("responder-user"));
        as(Roles.RESPONDER).body("{\"severity\":\"CRITICAL\"}")
                .when().put("/api/v1/incidents/" + id + "/severity")
                .then().statusCode(200).body("severity", equalTo("CRITICAL"));
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolvedAt", notNullValue());

        as(Roles.VIEWER).when().get("/api/v1/incidents/" + id + "/timeline")
                .then().statusCode(200)
                .body("kind", containsInRelativeOrder("triggered", "plan", "stage-paged", "acknowledged", "note",
                        "severity-changed", "replanned", "resolved"))
                .body("find { it.kind == 'note' }.detail", equalTo("Blocked the egress IP at the firewall"));

        // The severity change is announced too (the default CRITICAL plan's roles are not in this test's directory).
        List<EventEnvelope> lifecycle = KafkaEvents.all(Topics.INCIDENTS, e -> e.key().equals(id)
                && !e.type().equals("IncidentEscalated"), 4, Duration.ofSeconds(30));
        assertThat(lifecycle).extracting(EventEnvelope::type)
                .containsExactly("IncidentTriggered", "IncidentAcknowledged", "IncidentSeverityChanged",
                        "IncidentResolved");
        assertThat(lifecycle.get(3).payloadAs(IncidentResolved.class).resolvedBy()).isEqualTo("responder-user");
    }

    @Test
    void aCallingSystemAcknowledgesAndResolvesByItsDedupKey() {
        String dedup = "siem-" + UUID.randomUUID();
        String id = raise(dedup, "malware", "MEDIUM");
        as(Roles.INTEGRATION).body("{\"dedupKey\":\"" + dedup + "\"}")
                .when().post("/api/v1/incidents/acknowledge")
                .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("ACKNOWLEDGED"));
        as(Roles.INTEGRATION).body("{\"dedupKey\":\"" + dedup + "\"}")
                .when().post("/api/v1/incidents/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        // The key is free again: the next trigger opens a new incident.
        String next = raise(dedup, "malware", "MEDIUM");
        assertThat(next).isNotEqualTo(id);
    }

    @Test
    void badLifecycleRequestsAreProblemsNamingTheField() {
        String id = raise(UUID.randomUUID().toString(), plannedType("LOW"), "LOW");
        as(Roles.INTEGRATION).body("{}").when().post("/api/v1/incidents/acknowledge")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("dedupKey"));
        as(Roles.INTEGRATION).body("{\"dedupKey\":\"no-such-" + UUID.randomUUID() + "\"}")
                .when().post("/api/v1/incidents/resolve")
                .then().statusCode(404).contentType("application/problem+json");
        as(Roles.RESPONDER).body("{\"text\":\"" + "x".repeat(4_001) + "\"}")
                .when().post("/api/v1/incidents/" + id + "/notes")
                .then().statusCode(400).body("errors.field", contains("text"));
        as(Roles.RESPONDER).body("{\"severity\":\"SEVERE\"}")
                .when().put("/api/v1/incidents/" + id + "/severity")
                .then().statusCode(400).body("errors.field", contains("severity"));
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + UUID.randomUUID() + "/acknowledge")
                .then().statusCode(404);

        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200);
        as(Roles.ADMIN).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://muster.dev/problems/incident-resolved"))
                .body("errors.field", contains("status"));
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(409);
        as(Roles.RESPONDER).body("{\"severity\":\"HIGH\"}")
                .when().put("/api/v1/incidents/" + id + "/severity").then().statusCode(409);
        // Nothing of the refused requests reached the timeline.
        as(Roles.VIEWER).when().get("/api/v1/incidents/" + id + "/timeline")
                .then().statusCode(200).body("kind", contains("triggered", "playbook", "plan", "stage-paged", "resolved", "phase-changed"));
    }

    @Test
    void incidentsAreListedByStatusSeverityTypeAndDrill() {
        String type = "filter-" + UUID.randomUUID().toString().substring(0, 8);
        String low = raise(UUID.randomUUID().toString(), type, "LOW");
        // The test clock stands still: without a step the two would be raised at the same instant, in either order.
        clock.advance(Duration.ofMillis(1));
        String critical = raise(UUID.randomUUID().toString(), type, "CRITICAL");
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + low + "/resolve").then().statusCode(200);

        as(Roles.VIEWER).when().get("/api/v1/incidents?incidentType=" + type)
                .then().statusCode(200).body("id", contains(critical, low));
        as(Roles.VIEWER).when().get("/api/v1/incidents?incidentType=" + type + "&status=RESOLVED")
                .then().statusCode(200).body("id", contains(low));
        as(Roles.VIEWER).when().get("/api/v1/incidents?incidentType=" + type + "&severity=CRITICAL")
                .then().statusCode(200).body("id", contains(critical));
        as(Roles.VIEWER).when().get("/api/v1/incidents?drill=false&limit=500")
                .then().statusCode(200).body("drill", everyItem(equalTo(false))).body("id", hasItems(low, critical));
        as(Roles.VIEWER).when().get("/api/v1/incidents?severity=EXTREME").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("severity"));
    }

    @Test
    void simultaneousTriggersWithOneDedupKeyFoldIntoOneIncident() throws Exception {
        String dedup = "storm-" + UUID.randomUUID();
        String body = "{\"title\":\"Alert storm\",\"severity\":\"LOW\",\"incidentType\":\"storm\",\"dedupKey\":\""
                + dedup + "\"}";
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(senders.submit(() -> as(Roles.INTEGRATION).body(body).when().post("/api/v1/incidents")
                        .then().extract().statusCode()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).containsOnly(200, 201);
            assertThat(codes.stream().filter(c -> c == 201)).hasSize(1);
        } finally {
            senders.shutdownNow();
        }
        as(Roles.VIEWER).when().get("/api/v1/incidents?incidentType=storm&limit=500")
                .then().statusCode(200)
                .body("findAll { it.dedupKey == '" + dedup + "' }.triggerCount", contains(8));
    }

    @Test
    void integrationsMayOnlyRaiseAcknowledgeAndResolve() {
        String id = raise(UUID.randomUUID().toString(), "ddos", "LOW");
        as(Roles.INTEGRATION).body("{\"text\":\"hi\"}").when().post("/api/v1/incidents/" + id + "/notes")
                .then().statusCode(403).contentType("application/problem+json");
        as(Roles.INTEGRATION).body("{\"severity\":\"HIGH\"}").when().put("/api/v1/incidents/" + id + "/severity")
                .then().statusCode(403);
        as(Roles.INTEGRATION).when().get("/api/v1/incidents/" + id + "/timeline").then().statusCode(403);
        as(Roles.VIEWER).when().post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(403);
        as(Roles.VIEWER).body("{\"text\":\"hi\"}").when().post("/api/v1/incidents/" + id + "/notes")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(401);
        given().when().get("/api/v1/incidents/" + id + "/timeline").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"dedupKey\":\"x\"}")
                .when().post("/api/v1/incidents/resolve").then().statusCode(401);
        as(Roles.ADMIN).body("{\"text\":\"admins may annotate\"}").when().post("/api/v1/incidents/" + id + "/notes")
                .then().statusCode(201);
        as(Roles.INTEGRATION).when().post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(200);
    }
}
