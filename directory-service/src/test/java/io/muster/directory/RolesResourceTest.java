package io.muster.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.endsWith;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.RoleRoster;
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
class RolesResourceTest {

    private static String uniqueKey() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String roleJson(String key, String name) {
        return """
                {"key":"%s","name":"%s","responsibilities":"Talks to the regulator",
                 "requiredSkills":["gdpr"],"defaultEscalationLevel":3,"notificationPriority":2}
                """.formatted(key, name);
    }

    @Test
    void catalogIsSeededWithTheSec10RolesOnFirstStart() {
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/roles")
                .then().statusCode(200)
                .body("key", hasItems("incident-commander", "incident-manager", "technical-lead",
                        "security-analyst", "communications-lead", "subject-matter-expert", "legal-counsel"))
                .body("find { it.key == 'legal-counsel' }.defaultEscalationLevel", equalTo(4));
    }

    @Test
    void adminCreatesARoleThatIsStoredAndReadBack() {
        String key = uniqueKey();
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(roleJson(key, "Privacy officer"))
                .when().post("/api/v1/roles")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/roles/" + key))
                .body("key", equalTo(key));

        given().header("Authorization", Tokens.bearer(Roles.RESPONDER))
                .when().get("/api/v1/roles/" + key)
                .then().statusCode(200)
                .body("name", equalTo("Privacy officer"))
                .body("requiredSkills", contains("gdpr"))
                .body("notificationPriority", equalTo(2));
    }

    @Test
    void aCommittedChangePublishesExactlyOneEventThroughTheOutbox() {
        String key = uniqueKey();
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(roleJson(key, "Forensics partner liaison"))
                .when().post("/api/v1/roles").then().statusCode(201);

        List<EventEnvelope> events = KafkaEvents.all(Topics.DIRECTORY,
                e -> e.key().equals(RoleRoster.keyOf(key)), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        RoleRoster roster = events.get(0).payloadAs(RoleRoster.class);
        assertThat(roster.name()).isEqualTo("Forensics partner liaison");
        assertThat(roster.defaultEscalationLevel()).isEqualTo(3);
    }

    @Test
    void aRefusedChangeWritesNothingAndPublishesNothing() {
        String key = uniqueKey();
        String admin = Tokens.bearer(Roles.ADMIN);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(roleJson(key, "First"))
                .when().post("/api/v1/roles").then().statusCode(201);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(roleJson(key, "Second"))
                .when().post("/api/v1/roles")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("key"));

        given().header("Authorization", admin).when().get("/api/v1/roles/" + key)
                .then().statusCode(200).body("name", equalTo("First"));
        List<EventEnvelope> events = KafkaEvents.all(Topics.DIRECTORY,
                e -> e.key().equals(RoleRoster.keyOf(key)), 2, Duration.ofSeconds(3));
        assertThat(events).extracting(e -> e.payloadAs(RoleRoster.class).name()).containsExactly("First");
    }

    @Test
    void aRolesEscalationContactIsAnActivePersonPublishedWithItsRosterAndClearedWhenTheyAreDeleted() {
        String admin = Tokens.bearer(Roles.ADMIN);
        String key = uniqueKey();
        UUID boss = DirectoryApi.createPerson(DirectoryApi.uniqueName("Escalation Boss"), "");
        UUID inactive = DirectoryApi.createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"active":false}
                """.formatted(DirectoryApi.uniqueName("Inactive Boss")));
        String withContact = """
                {"name":"Escalated role","defaultEscalationLevel":2,"notificationPriority":2,
                 "escalationContactId":"%s"}""";
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(withContact.replace("{", "{\"key\":\"" + key + "\",").formatted(boss))
                .when().post("/api/v1/roles")
                .then().statusCode(201).body("escalationContactId", equalTo(boss.toString()));
        for (UUID refused : List.of(inactive, UUID.randomUUID())) {
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(withContact.formatted(refused))
                    .when().put("/api/v1/roles/" + key)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("escalationContactId"));
        }
        given().header("Authorization", admin).when().get("/api/v1/roles/" + key)
                .then().statusCode(200).body("escalationContactId", equalTo(boss.toString()));

        // Deleting the person clears them from the role, audited, and republishes the roster without them.
        given().header("Authorization", admin).when().delete("/api/v1/people/" + boss).then().statusCode(204);
        given().header("Authorization", admin).when().get("/api/v1/roles/" + key)
                .then().statusCode(200).body("escalationContactId", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", admin).queryParam("entityType", "role").queryParam("entityId", key)
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("escalation-contact-removed", "created"));
        List<EventEnvelope> rosters = KafkaEvents.all(Topics.DIRECTORY,
                e -> e.key().equals(RoleRoster.keyOf(key)), 2, Duration.ofSeconds(20));
        assertThat(rosters).extracting(e -> e.payloadAs(RoleRoster.class).escalationContactId())
                .containsExactly(boss, null);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String admin = Tokens.bearer(Roles.ADMIN);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"key\":\"Bad Key\",\"name\":\"x\",\"defaultEscalationLevel\":1,\"notificationPriority\":1}")
                .when().post("/api/v1/roles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("key"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"key\":\"ok-key\",\"name\":\"x\",\"defaultEscalationLevel\":9,\"notificationPriority\":1}")
                .when().post("/api/v1/roles")
                .then().statusCode(400).body("errors.field", contains("defaultEscalationLevel"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"key\":\"ok-key\",\"name\":\"x\",\"defaultEscalationLevel\":\"high\",\"notificationPriority\":1}")
                .when().post("/api/v1/roles")
                .then().statusCode(400).body("errors.field", contains("defaultEscalationLevel"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"key\":\"ok-key\",\"name\":\"x\",\"defaultEscalationLevel\":1,\"notificationPriority\":1,\"colour\":\"red\"}")
                .when().post("/api/v1/roles")
                .then().statusCode(400).body("errors.field", contains("colour"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"key\":\"ok-key\",")
                .when().post("/api/v1/roles")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/roles")
                .then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", admin)
                .when().get("/api/v1/roles/no-such-role")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void accessNeedsAValidTokenWithTheRightRole() {
        given().when().get("/api/v1/roles").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.expired(Roles.ADMIN))
                .when().get("/api/v1/roles").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.wrongIssuer(Roles.ADMIN))
                .when().get("/api/v1/roles").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.wrongAudience(Roles.ADMIN))
                .when().get("/api/v1/roles").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.forged(Roles.ADMIN))
                .when().get("/api/v1/roles").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION))
                .when().get("/api/v1/roles").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/roles").then().statusCode(200);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).contentType(ContentType.JSON)
                .body(roleJson(uniqueKey(), "Viewer cannot")).when().post("/api/v1/roles").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body(roleJson(uniqueKey(), "Responder cannot")).when().post("/api/v1/roles").then().statusCode(403);
    }
}
