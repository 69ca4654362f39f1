package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.createReachablePerson;
import static io.muster.directory.DirectoryApi.events;
import static io.muster.directory.DirectoryApi.rawValues;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RotationsResourceTest {

    /** A team of two people in a daily 09:00 Europe/London rotation; returns [team name, rotation, A, B]. */
    private static Object[] dailyRotation(String handoffStart) {
        UUID a = createReachablePerson(uniqueName("Rota A"), "\"incident-commander\"");
        UUID b = createReachablePerson(uniqueName("Rota B"), "\"incident-commander\"");
        String team = uniqueName("Rota team");
        String teamId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"memberIds\":[\"%s\",\"%s\"]}".formatted(team, a, b))
                .when().post("/api/v1/teams").then().statusCode(201).extract().path("id");
        String rotation = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"name":"Primary IC","teamId":"%s","roleKey":"incident-commander","timeZone":"Europe/London",
                         "handoffStart":"%s","shiftUnit":"DAYS","shiftLength":1,"members":["%s","%s"]}
                        """.formatted(teamId, handoffStart, a, b))
                .when().post("/api/v1/rotations").then().statusCode(201).extract().path("id");
        return new Object[] { team, UUID.fromString(rotation), a, b };
    }

    private static ExtractableResponse<Response> whoIsOnCall(String team, Instant at) {
        return given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .queryParam("team", team).queryParam("role", "incident-commander").queryParam("at", at.toString())
                .when().get("/api/v1/who-is-on-call")
                .then().statusCode(200).extract();
    }

    /** Who would be paged: the first reachable person of the team's rotation, nobody else. */
    private static List<String> onCall(String team, Instant at) {
        return whoIsOnCall(team, at).path("responders.contactId");
    }

    /**
     * Everyone who could answer, in order, without the role's escalation contact (another test, such as the demo
     * import, may have given incident-commander one).
     */
    private static List<String> candidates(String team, Instant at) {
        return whoIsOnCall(team, at).path("candidates.findAll { it.reason != 'ESCALATION_CONTACT' }.contactId");
    }

    /** Walks half-hour steps and returns each instant the person on shift changed, with who took over. */
    private static Map<Instant, String> handoffs(String team, Instant from, Instant to) {
        Map<Instant, String> changes = new LinkedHashMap<>();
        String current = null;
        for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(30))) {
            List<String> responders = onCall(team, at);
            // The off-shift member is a candidate, not a responder: they are paged only if the one on shift cannot be.
            assertThat(responders).as("one person answers at %s", at).hasSize(1);
            if (!responders.get(0).equals(current)) {
                current = responders.get(0);
                changes.put(at, current);
            }
        }
        return changes;
    }

    @Test
    void springForwardNeitherDropsNorDoublesAnHour() {
        Object[] setup = dailyRotation("2026-03-20T09:00:00");
        String a = setup[2].toString();
        String b = setup[3].toString();
        // 28 March is the 9th day (index 8, A); the clocks go forward at 01:00 UTC on 29 March.
        Map<Instant, String> changes = handoffs((String) setup[0], Instant.parse("2026-03-28T06:00:00Z"),
                Instant.parse("2026-03-31T00:00:00Z"));
        assertThat(new ArrayList<>(changes.keySet())).containsExactly(
                Instant.parse("2026-03-28T06:00:00Z"), // walk starts in B's shift of the 27th
                Instant.parse("2026-03-28T09:00:00Z"), // 09:00 GMT
                Instant.parse("2026-03-29T08:00:00Z"), // 09:00 BST: A's shift was 23 hours long
                Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(new ArrayList<>(changes.values())).containsExactly(b, a, b, a);
    }

    @Test
    void fallBackNeitherDropsNorDoublesAnHour() {
        Object[] setup = dailyRotation("2026-10-20T09:00:00");
        String a = setup[2].toString();
        String b = setup[3].toString();
        // The clocks go back at 01:00 UTC on 25 October.
        Map<Instant, String> changes = handoffs((String) setup[0], Instant.parse("2026-10-24T06:00:00Z"),
                Instant.parse("2026-10-27T00:00:00Z"));
        assertThat(new ArrayList<>(changes.keySet())).containsExactly(
                Instant.parse("2026-10-24T06:00:00Z"),
                Instant.parse("2026-10-24T08:00:00Z"), // 09:00 BST
                Instant.parse("2026-10-25T09:00:00Z"), // 09:00 GMT: that shift was 25 hours long
                Instant.parse("2026-10-26T09:00:00Z"));
        // 20 Oct is index 0 (A): the 23rd is B, the 24th A, the 25th B, the 26th A.
        assertThat(new ArrayList<>(changes.values())).containsExactly(b, a, b, a);
    }

    @Test
    void anOverrideWinsWhileItLastsAndEveryChangeIsPublished() {
        Object[] setup = dailyRotation("2026-06-01T09:00:00");
        String team = (String) setup[0];
        UUID rotation = (UUID) setup[1];
        UUID cover = createReachablePerson(uniqueName("Cover"), "\"incident-commander\"");
        String overrideId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"contactId\":\"%s\",\"from\":\"2026-06-02T00:00:00Z\",\"to\":\"2026-06-03T00:00:00Z\"}"
                        .formatted(cover))
                .when().post("/api/v1/rotations/" + rotation + "/overrides")
                .then().statusCode(201).extract().path("overrides[0].id");

        // Before, the responders listed the off-shift member too; only the first reachable person is paged.
        assertThat(onCall(team, Instant.parse("2026-06-01T23:59:00Z"))).containsExactly(setup[2].toString());
        assertThat(candidates(team, Instant.parse("2026-06-01T23:59:00Z")))
                .containsExactly(setup[2].toString(), setup[3].toString());
        assertThat(onCall(team, Instant.parse("2026-06-02T12:00:00Z"))).containsExactly(cover.toString());
        assertThat(whoIsOnCall(team, Instant.parse("2026-06-02T12:00:00Z")).<List<String>>path("responders.reason"))
                .containsExactly("OVERRIDE");
        assertThat(candidates(team, Instant.parse("2026-06-02T12:00:00Z")))
                .containsExactly(cover.toString(), setup[3].toString(), setup[2].toString());
        assertThat(onCall(team, Instant.parse("2026-06-03T00:00:00Z"))).containsExactly(setup[3].toString());

        given().header("Authorization", ADMIN)
                .when().delete("/api/v1/rotations/" + rotation + "/overrides/" + overrideId)
                .then().statusCode(200);
        assertThat(onCall(team, Instant.parse("2026-06-02T12:00:00Z"))).containsExactly(setup[3].toString());
        assertThat(whoIsOnCall(team, Instant.parse("2026-06-02T12:00:00Z")).<List<String>>path("responders.reason"))
                .containsExactly("ON_CALL");

        List<EventEnvelope> snapshots = events(RotationSnapshot.keyOf(rotation), 3, Duration.ofSeconds(30));
        assertThat(snapshots).extracting(e -> e.payloadAs(RotationSnapshot.class).overrides().size())
                .containsExactly(0, 1, 0);
        RotationSnapshot first = snapshots.get(0).payloadAs(RotationSnapshot.class);
        assertThat(first.timeZone()).isEqualTo("Europe/London");
        assertThat(first.shiftUnit()).isEqualTo(RotationSnapshot.ShiftUnit.DAYS);

        given().header("Authorization", ADMIN).when().delete("/api/v1/rotations/" + rotation)
                .then().statusCode(204);
        List<String> values = rawValues(Topics.DIRECTORY, RotationSnapshot.keyOf(rotation), 4, Duration.ofSeconds(30));
        assertThat(values).hasSize(4);
        assertThat(values.get(3)).isNull();
    }

    @Test
    void deletingAPersonTakesThemOutOfTheirRotations() {
        Object[] setup = dailyRotation("2026-06-01T09:00:00");
        UUID rotation = (UUID) setup[1];
        given().header("Authorization", ADMIN).when().delete("/api/v1/people/" + setup[2]).then().statusCode(204);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/rotations/" + rotation)
                .then().statusCode(200).body("members", contains(setup[3].toString()));
    }

    @Test
    void rotationEndpointsCheckTheCallersRole() {
        Object[] setup = dailyRotation("2026-06-01T09:00:00");
        UUID rotation = (UUID) setup[1];
        for (String path : new String[] { "/api/v1/rotations", "/api/v1/rotations/" + rotation,
                "/api/v1/who-is-on-call" }) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).when().get(path).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get(path).then().statusCode(200);
        }
        for (String token : new String[] { Tokens.bearer(Roles.VIEWER), Tokens.bearer(Roles.RESPONDER) }) {
            given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/rotations").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                    .when().put("/api/v1/rotations/" + rotation).then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/rotations/" + rotation + "/overrides").then().statusCode(403);
            given().header("Authorization", token).when().delete("/api/v1/rotations/" + rotation)
                    .then().statusCode(403);
        }
        given().header("Authorization", ADMIN).when().get("/api/v1/rotations/" + rotation)
                .then().statusCode(200).body("name", equalTo("Primary IC"));
    }
}
