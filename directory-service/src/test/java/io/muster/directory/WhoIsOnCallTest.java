package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.createReachablePerson;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** who-is-on-call answers by the selection rule: who would be paged now, and everyone behind them in order. */
@QuarkusTest
class WhoIsOnCallTest {

    /** Daily shifts from 1 June 2026 09:00 UTC: on 10 June at 12:00 the shift index is 9. */
    private static final String AT = "2026-06-10T12:00:00Z";

    private static String newRole(String escalationContact) {
        String key = "r" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"key":"%s","name":"On-call role","defaultEscalationLevel":2,"notificationPriority":3,
                         "escalationContactId":%s}
                        """.formatted(key, escalationContact == null ? "null" : "\"" + escalationContact + "\""))
                .when().post("/api/v1/roles").then().statusCode(201);
        return key;
    }

    private static String newTeam() {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\"}".formatted(uniqueName("On-call team")))
                .when().post("/api/v1/teams").then().statusCode(201).extract().path("id");
    }

    private static String dailyRotation(String team, String role, UUID... members) {
        StringBuilder list = new StringBuilder();
        for (UUID member : members) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(member).append('"');
        }
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","teamId":"%s","roleKey":"%s","timeZone":"UTC",
                         "handoffStart":"2026-06-01T09:00:00","shiftUnit":"DAYS","shiftLength":1,"members":[%s]}
                        """.formatted(uniqueName("Rota"), team, role, list))
                .when().post("/api/v1/rotations").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse whoIsOnCall(String param, String value) {
        return given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .queryParam(param, value).queryParam("at", AT)
                .when().get("/api/v1/who-is-on-call").then().statusCode(200);
    }

    @Test
    void anOnCallPersonWhoCannotBePagedIsAnsweredForByTheirBackupBeforeTheNextMember() {
        String role = newRole(null);
        UUID backup = createReachablePerson(uniqueName("Backup"), "");
        UUID next = createReachablePerson(uniqueName("Next"), "\"" + role + "\"");
        // No channel at all, so the rule passes over them.
        UUID onShift = createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"roles":["%s"],"backupContactId":"%s"}
                """.formatted(uniqueName("On shift"), role, backup));
        String rotation = dailyRotation(newTeam(), role, next, onShift); // shift 9 of 2: index 1, the one on shift

        whoIsOnCall("role", role)
                .body("responders.contactId", contains(backup.toString()))
                .body("responders.reason", contains("BACKUP"))
                .body("responders.rotationId", contains(rotation))
                .body("responders.roleKey", contains(role))
                .body("responders.reachable", contains(true))
                .body("candidates.contactId", contains(backup.toString(), onShift.toString(), next.toString()))
                .body("candidates.reason", contains("BACKUP", "ON_CALL", "NEXT_IN_ROTATION"))
                .body("candidates.unreachable", contains(null, "no verified channel that pages", null))
                .body("rotations[0].onCall", contains(onShift.toString(), next.toString()));
    }

    @Test
    void aRoleWithoutRotationIsAnsweredByItsRosterInPriorityOrderThenItsEscalationContact() {
        UUID boss = createReachablePerson(uniqueName("Boss"), "");
        String role = newRole(boss.toString());
        String holder = "\"" + role + "\"";
        UUID unreachableFirst = createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"roles":[%s]}
                """.formatted(uniqueName("Zoe level one"), holder));
        String levelThreeName = uniqueName("Abe level three");
        UUID levelThree = createReachablePerson(levelThreeName, holder);
        UUID levelTwo = createReachablePerson(uniqueName("Max level two"), holder);
        // An inactive holder is not on the roster at all.
        createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"roles":[%s],"active":false}
                """.formatted(uniqueName("Gone"), holder));
        // Reachable people are made at level 2; one moves to level 3, after the other by priority despite their name.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"displayName":"%s","timeZone":"Europe/London","escalationLevel":3,"roles":[%s]}
                        """.formatted(levelThreeName, holder))
                .when().put("/api/v1/people/" + levelThree).then().statusCode(200);

        whoIsOnCall("role", role)
                .body("responders.contactId", contains(levelTwo.toString()))
                .body("responders.reason", contains("ROSTER"))
                .body("responders.rotationId", everyItem(nullValue()))
                .body("candidates.contactId", contains(levelTwo.toString(), unreachableFirst.toString(),
                        levelThree.toString(), boss.toString()))
                .body("candidates.reason", contains("ROSTER", "ROSTER", "ROSTER", "ESCALATION_CONTACT"))
                .body("rotations", empty());
    }

    @Test
    void whenNobodyCanBePagedThereAreNoRespondersAndTheCandidatesSayWhy() {
        String role = newRole(null);
        UUID gone = createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":1,"active":false}
                """.formatted(uniqueName("Inactive member")));
        dailyRotation(newTeam(), role, gone);
        whoIsOnCall("role", role)
                .body("responders", empty())
                .body("candidates.contactId", contains(gone.toString()))
                .body("candidates.reachable", contains(false))
                .body("candidates.unreachable", contains("inactive"));
    }

    @Test
    void aTeamAloneIsAnsweredRotationByRotationWithoutTheRolesEscalationContact() {
        UUID boss = createReachablePerson(uniqueName("Team boss"), "");
        String first = newRole(boss.toString());
        String second = newRole(null);
        UUID a = createReachablePerson(uniqueName("Team A"), "");
        UUID b = createReachablePerson(uniqueName("Team B"), "");
        UUID c = createReachablePerson(uniqueName("Team C"), "");
        String team = newTeam();
        dailyRotation(team, first, b, a); // index 1: a
        dailyRotation(team, second, c); // c
        whoIsOnCall("team", team)
                .body("responders.contactId", org.hamcrest.Matchers.containsInAnyOrder(a.toString(), c.toString()))
                .body("responders.reason", everyItem(org.hamcrest.Matchers.equalTo("ON_CALL")))
                .body("candidates.contactId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        boss.toString())))
                .body("candidates.size()", org.hamcrest.Matchers.equalTo(3));
    }
}
