package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.addChannel;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.personJson;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    @Inject
    MutableClock clock;

    @Test
    void everyChangeIsRecordedWithWhoWhenBeforeAndAfter() {
        String name = uniqueName("Audited Person");
        UUID id = createPerson(personJson(name, "\"technical-lead\"", ""));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(name + " v2", "\"technical-lead\"", ""))
                .when().put("/api/v1/people/" + id).then().statusCode(200);
        UUID channel = addChannel(id, "SMS", "+447700900777", 1);
        given().header("Authorization", ADMIN).when().delete("/api/v1/people/" + id).then().statusCode(204);

        // Newest first.
        given().header("Authorization", ADMIN).queryParam("entityType", "person").queryParam("entityId", id.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("deleted", "channel-added", "updated", "created"))
                .body("actor", contains("admin-user", "admin-user", "admin-user", "admin-user"))
                .body("[3].before", nullValue())
                .body("[3].after.displayName", equalTo(name))
                .body("[2].before.displayName", equalTo(name))
                .body("[2].after.displayName", equalTo(name + " v2"))
                .body("[1].after.channels[0].address", equalTo("+447700900777"))
                .body("[0].before.displayName", equalTo(name + " v2"))
                .body("[0].after", nullValue())
                .body("[0].at", org.hamcrest.Matchers.notNullValue());

        // The code sent for verification is never written to the audit log.
        String code = DirectoryApi.latestCode(channel, 1);
        given().header("Authorization", ADMIN).queryParam("entityType", "channel")
                .queryParam("entityId", channel.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("verification-requested"))
                .body(not(containsString(code)));
    }

    @Test
    void entriesAreFoundByActorAndSinceAndARefusedChangeLeavesNone() {
        String actor = uniqueName("directory-admin").replace(' ', '-');
        String token = "Bearer " + Tokens.token(actor, Roles.ADMIN);
        // The service's clock, which other tests move; the entries carry its time.
        Instant start = clock.instant();
        String teamName = uniqueName("Audited team");
        String teamId = given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + teamName + "\"}").when().post("/api/v1/teams")
                .then().statusCode(201).extract().path("id");
        // Refused: a second team by the same name, a person without a name, someone who is not there.
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + teamName + "\"}").when().post("/api/v1/teams").then().statusCode(409);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(personJson("", "\"technical-lead\"", "")).when().post("/api/v1/people").then().statusCode(400);
        given().header("Authorization", token).when().delete("/api/v1/people/" + UUID.randomUUID())
                .then().statusCode(404);

        given().header("Authorization", ADMIN).queryParam("actor", actor)
                .queryParam("since", start.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("entityType", contains("team"))
                .body("entityId", contains(teamId))
                .body("action", contains("created"))
                .body("[0].after.name", equalTo(teamName));
        given().header("Authorization", ADMIN).queryParam("actor", actor)
                .queryParam("since", clock.instant().plusSeconds(1).toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("$", empty());
        given().header("Authorization", ADMIN).queryParam("since", "soon")
                .when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("since"));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().when().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/audit")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).when().get("/api/v1/audit")
                .then().statusCode(403);
        given().header("Authorization", ADMIN).when().get("/api/v1/audit").then().statusCode(200);
    }
}
