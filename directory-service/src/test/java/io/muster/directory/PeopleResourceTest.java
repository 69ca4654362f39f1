package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.addChannel;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.personJson;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PeopleResourceTest {

    @Test
    void adminCreatesReadsReplacesAndDeletesAPerson() {
        String name = uniqueName("Ada Lovelace");
        UUID id = createPerson(personJson(name, "\"incident-commander\",\"technical-lead\"", "\"forensics\",\"aws\""));

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/people/" + id)
                .then().statusCode(200)
                .body("displayName", equalTo(name))
                .body("department", equalTo("Security"))
                .body("timeZone", equalTo("Europe/London"))
                .body("roles", contains("incident-commander", "technical-lead"))
                .body("skills", contains("forensics", "aws"))
                .body("certifications", contains("GCIH"))
                .body("escalationLevel", equalTo(2))
                .body("availability", equalTo("Mon-Fri 08:00-18:00"))
                .body("active", equalTo(true))
                .body("reachable", equalTo(false))
                .body("channels", empty());

        UUID manager = createPerson(uniqueName("Grace Hopper"), "\"incident-manager\"");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"displayName":"%s","timeZone":"America/New_York","roles":["security-analyst"],
                         "escalationLevel":3,"managerId":"%s","backupContactId":"%s","active":false,
                         "lastReviewedAt":"2026-01-05T10:00:00Z"}
                        """.formatted(name, manager, manager))
                .when().put("/api/v1/people/" + id)
                .then().statusCode(200)
                .body("timeZone", equalTo("America/New_York"))
                .body("roles", contains("security-analyst"))
                .body("managerId", equalTo(manager.toString()))
                .body("backupContactId", equalTo(manager.toString()))
                .body("active", equalTo(false))
                .body("lastReviewedAt", equalTo("2026-01-05T10:00:00Z"))
                .body("lastReviewedBy", equalTo("admin-user"));

        given().header("Authorization", ADMIN).when().post("/api/v1/people/" + id + "/review")
                .then().statusCode(200).body("lastReviewedBy", equalTo("admin-user"))
                .body("lastReviewedAt", notNullValue());

        given().header("Authorization", ADMIN).when().delete("/api/v1/people/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void searchFiltersByNameRoleTeamAndSkillAndPages() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID alice = createPerson(personJson("Alice " + tag, "\"legal-counsel\"", "\"gdpr-" + tag + "\""));
        UUID bob = createPerson(personJson("Bob " + tag, "\"legal-counsel\"", "\"malware-" + tag + "\""));
        UUID carol = createPerson(personJson("Carol " + tag, "\"communications-lead\"", "\"malware-" + tag + "\""));
        String teamName = "Team " + tag;
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"memberIds\":[\"%s\",\"%s\"]}".formatted(teamName, bob, carol))
                .when().post("/api/v1/teams").then().statusCode(201);

        String viewer = Tokens.bearer(Roles.VIEWER);
        given().header("Authorization", viewer).queryParam("name", tag.toUpperCase())
                .when().get("/api/v1/people")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.displayName", contains("Alice " + tag, "Bob " + tag, "Carol " + tag));
        given().header("Authorization", viewer).queryParam("name", tag).queryParam("role", "legal-counsel")
                .when().get("/api/v1/people")
                .then().body("items.id", containsInAnyOrder(alice.toString(), bob.toString()));
        given().header("Authorization", viewer).queryParam("skill", "MALWARE-" + tag)
                .when().get("/api/v1/people")
                .then().body("items.id", containsInAnyOrder(bob.toString(), carol.toString()));
        given().header("Authorization", viewer).queryParam("team", teamName).queryParam("role", "legal-counsel")
                .when().get("/api/v1/people")
                .then().body("items.id", contains(bob.toString()));
        given().header("Authorization", viewer).queryParam("name", tag).queryParam("page", 1).queryParam("size", 2)
                .when().get("/api/v1/people")
                .then().body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.displayName", contains("Carol " + tag));
        given().header("Authorization", viewer).queryParam("name", "no such person " + tag)
                .when().get("/api/v1/people")
                .then().body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void contactDetailsAreMaskedForViewersAndFullForResponders() {
        UUID id = createPerson(uniqueName("Masked Person"), "\"subject-matter-expert\"");
        addChannel(id, "EMAIL", "alice.smith@example.com", 1);
        addChannel(id, "SMS", "+447700900123", 2);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/people/" + id)
                .then().statusCode(200)
                .body("channels.address", contains("a***@example.com", "+44********23"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/people/" + id + "/channels")
                .then().statusCode(200)
                .body("address", contains("a***@example.com", "+44********23"));
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).when().get("/api/v1/people/" + id)
                .then().body("channels.address", contains("alice.smith@example.com", "+447700900123"));
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + id)
                .then().body("channels.address", contains("alice.smith@example.com", "+447700900123"));
    }

    @Test
    void everyEndpointChecksTheCallersRole() {
        UUID id = createPerson(uniqueName("Role Check"), "");
        UUID channel = addChannel(id, "EMAIL", "role.check@example.com", 1);
        String body = personJson(uniqueName("Someone"), "", "");
        String channelBody = "{\"type\":\"SMS\",\"address\":\"+15551234567\",\"preference\":2}";
        String people = "/api/v1/people";
        String person = people + "/" + id;
        String channelPath = person + "/channels/" + channel;

        // Reads: no token 401, a calling system's role 403, a viewer 200.
        for (String path : new String[] { people, person, person + "/channels", "/api/v1/teams" }) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).when().get(path)
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get(path).then().statusCode(200);
        }
        // Writes: no token 401, viewer and responder 403; the admin's 2xx is covered by the other tests.
        for (String token : new String[] { null, Tokens.bearer(Roles.VIEWER), Tokens.bearer(Roles.RESPONDER) }) {
            int expected = token == null ? 401 : 403;
            var request = token == null ? given() : given().header("Authorization", token);
            request.contentType(ContentType.JSON).body(body).when().post(people).then().statusCode(expected);
            request.contentType(ContentType.JSON).body(body).when().put(person).then().statusCode(expected);
            request.when().post(person + "/review").then().statusCode(expected);
            request.contentType(ContentType.JSON).body(channelBody).when().post(person + "/channels")
                    .then().statusCode(expected);
            request.when().post(channelPath + "/verification").then().statusCode(expected);
            request.contentType(ContentType.JSON).body("{\"code\":\"123456\"}")
                    .when().post(channelPath + "/verification/confirm").then().statusCode(expected);
            request.when().delete(channelPath).then().statusCode(expected);
            request.when().delete(person).then().statusCode(expected);
            request.contentType(ContentType.JSON).body("{\"name\":\"x\"}").when().post("/api/v1/teams")
                    .then().statusCode(expected);
            request.when().get("/api/v1/audit").then().statusCode(expected);
        }
        // Nothing above changed the person.
        given().header("Authorization", ADMIN).when().get(person)
                .then().statusCode(200).body("channels", hasSize(1)).body("lastReviewedAt", equalTo(null));
        given().header("Authorization", ADMIN).when().get("/api/v1/audit").then().statusCode(200);
    }
}
