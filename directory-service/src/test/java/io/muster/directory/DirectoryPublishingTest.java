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
import io.muster.directory.api.PersonRequest;
import io.muster.directory.service.PeopleDirectory;
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
    void roleMembershipChangesPublishTheAffectedRosters() {
        String roleKey = "r" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"key":"%s","name":"Roster role","defaultEscalationLevel":2,"notificationPriority":3}
                        """.formatted(roleKey))
                .when().post("/api/v1/roles").then().statusCode(201);
        UUID first = createPerson(uniqueName("Roster One"), "\"" + roleKey + "\"");
        UUID second = createPerson(uniqueName("Roster Two"), "\"" + roleKey + "\"");
        // Leaving the role publishes the roster without them; a change that keeps roles publishes no roster.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(uniqueName("Roster One"), "", ""))
                .when().put("/api/v1/people/" + first).then().statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(personJson(uniqueName("Roster Two"), "\"" + roleKey + "\"", "\"new-skill\""))
                .when().put("/api/v1/people/" + second).then().statusCode(200);

        // Holders are listed by name, and "Roster One" sorts before "Roster Two".
        List<EventEnvelope> rosters = events(RoleRoster.keyOf(roleKey), 4, Duration.ofSeconds(30));
        assertThat(rosters).extracting(e -> e.payloadAs(RoleRoster.class).contactIds())
                .containsExactly(List.of(), List.of(first), List.of(first, second), List.of(second));
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String name = uniqueName("Rollback Person");
        UUID id = createPerson(personJson(name, "", ""));
        PersonRequest rename = new PersonRequest(name + " never", null, null, "Europe/London", List.of(), List.of(),
                List.of(), 2, null, null, null, null, true);

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
