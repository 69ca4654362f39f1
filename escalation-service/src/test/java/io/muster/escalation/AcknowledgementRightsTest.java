package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.TimelineEntry;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may acknowledge, resolve and raise which incident: a person paged for it or holding one of its roles, or an
 * admin; a calling system only for what it raised; the game-day service only drills.
 */
@QuarkusTest
class AcknowledgementRightsTest {

    private static final String PROBLEMS = "https://muster.dev/problems/";

    private static RequestSpecification signedIn(String subject, String role) {
        return given().header("Authorization", "Bearer " + Tokens.token(subject, role)).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A type whose one stage pages {@code paged}. */
    private static String typePaging(UUID paged) {
        return EscalationApi.planWithPolicy("HIGH", 0, "[" + EscalationApi.stage(600, paged) + "]", null);
    }

    private static String raise(RequestSpecification as, String type, String dedupKey, String extra) {
        return as.body("{\"title\":\"Credential stuffing\",\"severity\":\"HIGH\",\"incidentType\":\"" + type
                + "\",\"dedupKey\":\"" + dedupKey + "\"" + extra + "}")
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static String newKey(String type) {
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("monitor") + "\",\"incidentType\":\"" + type + "\"}")
                .when().post("/api/v1/integration-keys")
                .then().statusCode(201).extract().path("integrationKey");
    }

    private static String pagerDuty(String routingKey, String dedupKey, String action) {
        return "{\"routing_key\":\"" + routingKey + "\",\"dedup_key\":\"" + dedupKey + "\",\"event_action\":\""
                + action + "\",\"payload\":{\"summary\":\"Brute force on vpn-1\",\"source\":\"vpn-1\","
                + "\"severity\":\"error\"}}";
    }

    private static Incident incident(String id) {
        return EscalationApi.incident(UUID.fromString(id));
    }

    @Test
    void aPagedResponderAcknowledgesAndIsRecordedAsThePersonTheyAre() {
        String login = unique("paige");
        UUID paige = ReplicaFixtures.personWithLogin("Paige Paged", login);
        String id = raise(signedIn("siem", Roles.INTEGRATION), typePaging(paige), unique("paged"), "");

        // Matched by the login, ignoring case.
        signedIn(login.toUpperCase(), Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(login.toUpperCase()))
                .body("acknowledgedContactId", equalTo(paige.toString()));

        List<TimelineEntry> acknowledged = QuarkusTransaction.requiringNew().call(() -> TimelineEntry.<TimelineEntry>list(
                "incidentId = ?1 and kind = 'acknowledged'", UUID.fromString(id)));
        assertThat(acknowledged).singleElement().satisfies(e -> assertThat(e.detail)
                .isEqualTo("acknowledged; escalation stopped (by Paige Paged)"));
        JsonPath team = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents/" + id + "/responders").then().statusCode(200).extract().jsonPath();
        assertThat(team.getString("members.find { it.displayName == 'Paige Paged' }.acknowledgedHow"))
                .isEqualTo("API");
        List<EventEnvelope> events = KafkaEvents.all(Topics.INCIDENTS,
                e -> e.key().equals(id) && e.payload() instanceof IncidentAcknowledged, 1, Duration.ofSeconds(30));
        assertThat(events.get(0).payloadAs(IncidentAcknowledged.class).contactId()).isEqualTo(paige);
    }

    @Test
    void aHolderOfTheIncidentsRoleAcknowledgesButSomeoneWithNoPartInItIsRefused() {
        String role = unique("forensics");
        UUID onDuty = ReplicaFixtures.contact("Fiona First", 1);
        String holderLogin = unique("harry");
        UUID holder = ReplicaFixtures.personWithLogin("Harry Holder", holderLogin, role);
        // The roster pages its first holder; the second holds the role without being paged.
        ReplicaFixtures.roster(role, onDuty, holder);
        String strangerLogin = unique("sam");
        ReplicaFixtures.personWithLogin("Sam Stranger", strangerLogin, unique("other-role"));
        String unverified = unique("uma") + "@example.org";
        ReplicaFixtures.contactWithUnverifiedEmail("Uma Unverified", unverified, role);
        String id = raise(signedIn("siem", Roles.INTEGRATION), typePaging(ReplicaFixtures.contact("Olga Other", 7)),
                unique("roles"), ",\"requiredRoles\":[\"" + role + "\"]");
        assertThat(EscalationApi.engagements(UUID.fromString(id))).extracting(e -> e.contactId)
                .contains(onDuty).doesNotContain(holder);

        signedIn(strangerLogin, Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-a-responder"))
                .body("detail", containsString("Sam Stranger was not paged for incident " + id))
                .body("detail", containsString(role));
        signedIn(unique("nobody"), Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "not-a-responder"))
                .body("detail", containsString("is no person in the directory"));
        // An address nobody proved is no way in, even with the incident's role.
        signedIn(unverified, Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(403).body("detail", containsString("is no person in the directory"));
        signedIn(strangerLogin, Roles.RESPONDER).body("{\"dedupKey\":\"" + incident(id).dedupKey + "\"}")
                .when().post("/api/v1/incidents/acknowledge")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "not-a-responder"));
        assertThat(incident(id).status).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(EscalationApi.timelineKinds(UUID.fromString(id))).doesNotContain("acknowledged");

        signedIn(holderLogin, Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(200).body("acknowledgedContactId", equalTo(holder.toString()));
    }

    @Test
    void anAdminAcknowledgesAnyIncident() {
        String id = raise(signedIn("siem", Roles.INTEGRATION), typePaging(ReplicaFixtures.contact("Pat Paged", 7)),
                unique("admin"), "");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(200).body("acknowledgedBy", equalTo("admin-user"))
                .body("acknowledgedContactId", nullValue());
    }

    @Test
    void aCallingSystemAcknowledgesAndResolvesOnlyTheIncidentsItRaised() {
        String type = typePaging(ReplicaFixtures.contact("Cal Paged", 7));
        String dedup = unique("siem-a");
        String id = raise(signedIn("siem-a", Roles.INTEGRATION), type, dedup, "");
        RequestSpecification other = signedIn("siem-b", Roles.INTEGRATION);
        other.when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-raised-by-caller"))
                .body("detail", containsString("siem-b did not raise incident " + id));
        signedIn("siem-b", Roles.INTEGRATION).when().post("/api/v1/incidents/" + id + "/resolve")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "not-raised-by-caller"));
        signedIn("siem-b", Roles.INTEGRATION).body("{\"dedupKey\":\"" + dedup + "\"}")
                .when().post("/api/v1/incidents/resolve").then().statusCode(403);
        assertThat(incident(id).status).isEqualTo(IncidentStatus.TRIGGERED);
        signedIn("siem-a", Roles.INTEGRATION).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(200).body("acknowledgedBy", equalTo("siem-a"));
        signedIn("siem-a", Roles.INTEGRATION).body("{\"dedupKey\":\"" + dedup + "\"}")
                .when().post("/api/v1/incidents/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));

        // A responder's incident is no calling system's to take.
        String responders = raise(signedIn(unique("rita"), Roles.RESPONDER), type, unique("by-hand"), "");
        signedIn("siem-a", Roles.INTEGRATION).when().post("/api/v1/incidents/" + responders + "/acknowledge")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "not-raised-by-caller"));

        // An incident raised before the raising caller was recorded goes by the name it was raised under.
        String older = raise(signedIn("siem-c", Roles.INTEGRATION), type, unique("older"), "");
        QuarkusTransaction.requiringNew().run(() -> Incident.update("raisedBy = null where id = ?1",
                UUID.fromString(older)));
        signedIn("siem-b", Roles.INTEGRATION).when().post("/api/v1/incidents/" + older + "/acknowledge")
                .then().statusCode(403);
        signedIn("siem-c", Roles.INTEGRATION).when().post("/api/v1/incidents/" + older + "/acknowledge")
                .then().statusCode(200);
    }

    @Test
    void anIntegrationKeyAcknowledgesAndResolvesOnlyWhatItRaised() {
        String type = typePaging(ReplicaFixtures.contact("Kim Paged", 7));
        String keyA = newKey(type);
        String keyB = newKey(type);
        String dedup = unique("vpn");
        given().contentType(ContentType.JSON).body(pagerDuty(keyA, dedup, "trigger"))
                .when().post("/v2/enqueue").then().statusCode(202);
        String id = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>find("dedupKey", dedup)
                .firstResult().id.toString());
        assertThat(incident(id).raisedBy).startsWith("key:").doesNotContain(keyA);

        given().contentType(ContentType.JSON).body(pagerDuty(keyB, dedup, "acknowledge"))
                .when().post("/v2/enqueue").then().statusCode(403)
                .body("status", equalTo("forbidden event"))
                .body("errors[0]", containsString("did not raise incident " + id));
        given().contentType(ContentType.JSON).body(pagerDuty(keyB, dedup, "resolve"))
                .when().post("/v2/enqueue").then().statusCode(403);
        signedIn("siem-a", Roles.INTEGRATION).when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(403);
        assertThat(incident(id).status).isEqualTo(IncidentStatus.TRIGGERED);

        given().contentType(ContentType.JSON).body(pagerDuty(keyA, dedup, "acknowledge"))
                .when().post("/v2/enqueue").then().statusCode(202);
        assertThat(incident(id).status).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        given().contentType(ContentType.JSON).body(pagerDuty(keyA, dedup, "resolve"))
                .when().post("/v2/enqueue").then().statusCode(202);
        assertThat(incident(id).status).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void theGameDayServiceRaisesAcknowledgesAndResolvesDrillsOnly() {
        String type = typePaging(ReplicaFixtures.contact("Gail Paged", 7));
        String realDedup = unique("real");
        signedIn("gameday", Roles.GAMEDAY).body("{\"title\":\"Not a drill\",\"severity\":\"HIGH\",\"incidentType\":\""
                        + type + "\",\"dedupKey\":\"" + realDedup + "\"}")
                .when().post("/api/v1/incidents")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "drills-only")).body("errors.field", contains("drill"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Incident.count("dedupKey", realDedup))).isZero();

        String drill = raise(signedIn("gameday", Roles.GAMEDAY), type, unique("drill"), ",\"drill\":true");
        signedIn("gameday", Roles.GAMEDAY).when().post("/api/v1/incidents/" + drill + "/acknowledge")
                .then().statusCode(200);
        signedIn("gameday", Roles.GAMEDAY).when().post("/api/v1/incidents/" + drill + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));

        String real = raise(signedIn("siem", Roles.INTEGRATION), type, realDedup, "");
        signedIn("gameday", Roles.GAMEDAY).when().post("/api/v1/incidents/" + real + "/acknowledge")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "drills-only"));
        signedIn("gameday", Roles.GAMEDAY).when().post("/api/v1/incidents/" + real + "/resolve")
                .then().statusCode(403);
        // Nor does a drill trigger fold into (and re-page) the real incident with its dedup key.
        signedIn("gameday", Roles.GAMEDAY).body("{\"title\":\"[DRILL]\",\"severity\":\"CRITICAL\",\"incidentType\":\""
                        + type + "\",\"dedupKey\":\"" + realDedup + "\",\"drill\":true}")
                .when().post("/api/v1/incidents")
                .then().statusCode(403).body("errors.field", contains("dedupKey"));
        assertThat(incident(real).triggerCount).isEqualTo(1);
        assertThat(incident(real).status).isEqualTo(IncidentStatus.TRIGGERED);
    }
}
