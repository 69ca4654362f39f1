package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.events;
import static io.muster.directory.DirectoryApi.personJson;
import static io.muster.directory.DirectoryApi.rawValues;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.directory.service.PeopleDirectory;
import io.muster.directory.service.PersonFields;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DirectoryPublishingTest {

    @Inject
    PeopleDirectory people;

    @Test
    void eachCommittedChangePublishesOneSnapshotAndADeleteATombstone() {
        String name = uniqueName("Snapshot Person");
        UUID id = createPerson(personJson(name, "\"security-analyst\"", ""));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(name + " renamed", "\"security-analyst\"", ""))
                .when().put("/api/v1/people/" + id).then().statusCode(200);

        List<EventEnvelope> snapshots = events(ContactSnapshot.keyOf(id), 2, Duration.ofSeconds(30));
        assertThat(snapshots).extracting(e -> e.payloadAs(ContactSnapshot.class).displayName())
                .containsExactly(name, name + " renamed");
        ContactSnapshot last = snapshots.get(1).payloadAs(ContactSnapshot.class);
        assertThat(last.roles()).containsExactly("security-analyst");
        assertThat(last.timeZone()).isEqualTo("Europe/London");
        assertThat(last.escalationLevel()).isEqualTo(2);
        assertThat(last.active()).isTrue();

        given().header("Authorization", ADMIN).when().delete("/api/v1/people/" + id).then().statusCode(204);
        List<String> values = rawValues(Topics.DIRECTORY, ContactSnapshot.keyOf(id), 3, Duration.ofSeconds(30));
        assertThat(values).hasSize(3);
        assertThat(values.get(2)).as("a deletion is a tombstone").isNull();
    }

    @Test
    void aPersonsSignInNameIsPublishedSoOtherServicesCanTellWhoATokenBelongsTo() {
        String name = uniqueName("Login Person");
        String login = "login-" + UUID.randomUUID().toString().substring(0, 8);
        String json = personJson(name, "", "").replaceFirst("\\}\\s*$", ",\"login\":\"" + login.toUpperCase() + "\"}");
        UUID id = createPerson(json);
        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + id)
                .then().statusCode(200).body("login", org.hamcrest.Matchers.equalTo(login.toUpperCase()));
        assertThat(events(ContactSnapshot.keyOf(id), 1, Duration.ofSeconds(30)).get(0)
                .payloadAs(ContactSnapshot.class).login()).isEqualTo(login.toUpperCase());

        // One sign-in name is one person, whatever its case.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(uniqueName("Login Twin"), "", "").replaceFirst("\\}\\s*$",
                        ",\"login\":\"" + login + "\"}"))
                .when().post("/api/v1/people").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("login"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(uniqueName("Login Spaces"), "", "").replaceFirst("\\}\\s*$",
                        ",\"login\":\"two words\"}"))
                .when().post("/api/v1/people").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("login"));
    }

    @Test
    void roleMembershipChangesPublishTheAffectedRosters() {
        String roleKey = "r" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"key":"%s","name":"Roster role","defaultEscalationLevel":2,"notificationPriority":3}
                        """.formatted(roleKey))
                .when().post("/api/v1/roles").then().statusCode(201);
        UUID first = createPerson(uniqueName("Roster One"), "\"" + roleKey + "\"");
        String secondName = uniqueName("Roster Two");
        UUID second = createPerson(secondName, "\"" + roleKey + "\"");
        // Leaving the role publishes the roster without them; a change that keeps roles, name and level publishes no
        // roster (a rename or a new level would: holders are listed in that order).
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(uniqueName("Roster One"), "", ""))
                .when().put("/api/v1/people/" + first).then().statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(secondName, "\"" + roleKey + "\"", "\"new-skill\""))
                .when().put("/api/v1/people/" + second).then().statusCode(200);

        // Holders are listed by name, and "Roster One" sorts before "Roster Two".
        List<EventEnvelope> rosters = events(RoleRoster.keyOf(roleKey), 4, Duration.ofSeconds(30));
        assertThat(rosters).extracting(e -> e.payloadAs(RoleRoster.class).contactIds())
                .containsExactly(List.of(), List.of(first), List.of(first, second), List.of(second));
    }

    @Test
    void rostersListHoldersByEscalationLevelThenNameAndALevelChangeRepublishesThem() {
        String roleKey = "r" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"key":"%s","name":"Priority role","defaultEscalationLevel":2,"notificationPriority":3}
                        """.formatted(roleKey))
                .when().post("/api/v1/roles").then().statusCode(201);
        String holder = "\"" + roleKey + "\"";
        String zedName = uniqueName("Zed");
        UUID zed = createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"roles":[%s]}
                """.formatted(zedName, holder));
        UUID bea = createPerson(personJson(uniqueName("Bea"), holder, "")); // level 2
        UUID adam = createPerson(personJson(uniqueName("Adam"), holder, ""));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"displayName":"%s","timeZone":"UTC","escalationLevel":4,"roles":[%s]}
                        """.formatted(zedName, holder))
                .when().put("/api/v1/people/" + zed).then().statusCode(200);

        List<EventEnvelope> rosters = events(RoleRoster.keyOf(roleKey), 5, Duration.ofSeconds(30));
        assertThat(rosters).extracting(e -> e.payloadAs(RoleRoster.class).contactIds())
                .containsExactly(List.of(), List.of(zed), List.of(zed, bea), List.of(zed, adam, bea),
                        List.of(adam, bea, zed));
    }

    @Test
    void deletingSomeonesBackupRepublishesThemWithoutIt() {
        UUID backup = createPerson(uniqueName("Gone Backup"), "");
        UUID person = createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"backupContactId":"%s","managerId":"%s"}
                """.formatted(uniqueName("Backed Up"), backup, backup));
        given().header("Authorization", ADMIN).when().delete("/api/v1/people/" + backup).then().statusCode(204);

        List<EventEnvelope> snapshots = events(ContactSnapshot.keyOf(person), 2, Duration.ofSeconds(30));
        assertThat(snapshots).extracting(e -> e.payloadAs(ContactSnapshot.class).backupContactId())
                .containsExactly(backup, null);
        given().header("Authorization", ADMIN).queryParam("entityId", person.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", org.hamcrest.Matchers.contains("reference-removed", "created"))
                .body("[0].after.managerId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void deletingATeamTombstonesItsRotations() {
        UUID member = createPerson(uniqueName("Team Member"), "\"technical-lead\"");
        String team = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\"}".formatted(uniqueName("Doomed team")))
                .when().post("/api/v1/teams").then().statusCode(201).extract().path("id");
        String rotation = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"name":"Doomed rota","teamId":"%s","roleKey":"technical-lead","timeZone":"UTC",
                         "handoffStart":"2026-06-01T09:00:00","shiftUnit":"DAYS","shiftLength":1,"members":["%s"]}
                        """.formatted(team, member))
                .when().post("/api/v1/rotations").then().statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).when().delete("/api/v1/teams/" + team).then().statusCode(204);

        List<String> values = rawValues(Topics.DIRECTORY, RotationSnapshot.keyOf(UUID.fromString(rotation)), 2,
                Duration.ofSeconds(30));
        assertThat(values).hasSize(2);
        assertThat(values.get(1)).as("the rotation went with its team").isNull();
        given().header("Authorization", ADMIN).queryParam("entityType", "rotation").queryParam("entityId", rotation)
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", org.hamcrest.Matchers.contains("deleted", "created"));
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String name = uniqueName("Rollback Person");
        UUID id = createPerson(personJson(name, "", ""));
        PersonFields rename = new PersonFields(name + " never", null, null, "Europe/London", List.of(), List.of(),
                List.of(), 2, null, null, null, null, true, null);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            people.replace(id, rename, "test");
            throw new IllegalStateException("the caller's transaction fails after the change");
        })).isInstanceOf(IllegalStateException.class);

        given().header("Authorization", ADMIN).when().get("/api/v1/people/" + id)
                .then().statusCode(200).body("displayName", org.hamcrest.Matchers.equalTo(name));
        // Wait for more than can come: only the creation may be there.
        List<EventEnvelope> snapshots = events(ContactSnapshot.keyOf(id), 2, Duration.ofSeconds(5));
        assertThat(snapshots).extracting(e -> e.payloadAs(ContactSnapshot.class).displayName())
                .containsExactly(name);
        given().header("Authorization", ADMIN).queryParam("entityId", id.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", org.hamcrest.Matchers.contains("created"));
    }
}
