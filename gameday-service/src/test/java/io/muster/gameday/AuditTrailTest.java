package io.muster.gameday;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.service.RunDispatcher;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    TestClock clock;

    @Inject
    RunDispatcher dispatcher;

    @AfterEach
    void backToRealTime() {
        clock.useSystemTime();
    }

    private static RequestSpecification as(String subject, String role) {
        return given().header("Authorization", "Bearer " + Tokens.token(subject, role)).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonPath audit(Map<String, ?> filters) {
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParams(filters)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    private static String scenario(String slug, String severity, String audience) {
        return """
                {"slug":"%s","name":"Leaked deploy key","description":"A deploy key shows up in a public gist.",
                 "incidentType":"credential-compromise","severity":"%s","expectedRoles":["incident-commander"],
                 "targetFirstAckSeconds":300,"targetAllRolesSeconds":900,
                 "injects":[{"atSeconds":60,"audience":"%s","message":"The key still works."}]}
                """.formatted(slug, severity, audience);
    }

    @Test
    void scenarioChangesAreAuditedWithWhoWhenBeforeAndAfter() {
        String admin = unique("scenario-admin");
        clock.set(Instant.parse("2026-04-01T08:00:00.123456789Z"));
        String slug = unique("leaked-key");
        String id = as(admin, Roles.ADMIN).body(scenario(slug, "HIGH", "all")).when().post("/api/v1/scenarios")
                .then().statusCode(201).extract().path("id");
        as(admin, Roles.ADMIN).body(scenario(slug, "CRITICAL", "incident-commander"))
                .when().put("/api/v1/scenarios/" + id).then().statusCode(200);

        JsonPath trail = audit(Map.of("entityType", "scenario", "entityId", id));
        assertThat(trail.getList("action")).containsExactly("updated", "created");
        assertThat(trail.getList("actor")).containsOnly(admin);
        assertThat(trail.getList("at")).containsOnly("2026-04-01T08:00:00.123456Z");
        assertThat(trail.getString("[1].before")).isNull();
        assertThat(trail.getString("[1].after.slug")).isEqualTo(slug);
        assertThat(trail.getString("[0].before.severity")).isEqualTo("HIGH");
        assertThat(trail.getString("[0].before.injects[0].audience")).isEqualTo("all");
        assertThat(trail.getString("[0].after.severity")).isEqualTo("CRITICAL");
        assertThat(trail.getString("[0].after.injects[0].audience")).isEqualTo("incident-commander");
        assertThat(audit(Map.of("actor", admin, "since", "2026-04-01T08:00:01Z")).getList("id")).isEmpty();
        assertThat(audit(Map.of("actor", admin, "since", "2026-04-01T08:00:00Z")).getList("id")).hasSize(2);
    }

    @Test
    void scheduledAndCancelledGameDaysAreAudited() {
        String admin = unique("gameday-admin");
        String id = as(admin, Roles.ADMIN).body(GameDaySchedulingTest.gameDay("2031-02-03T09:00", null))
                .when().post("/api/v1/gamedays").then().statusCode(201).extract().path("id");
        as(admin, Roles.ADMIN).when().delete("/api/v1/gamedays/" + id).then().statusCode(200);
        // Cancelling a cancelled game day changes nothing, so it adds no entry.
        as(admin, Roles.ADMIN).when().delete("/api/v1/gamedays/" + id).then().statusCode(200);

        JsonPath trail = audit(Map.of("entityType", "game-day", "entityId", id));
        assertThat(trail.getList("action")).containsExactly("cancelled", "scheduled");
        assertThat(trail.getList("actor")).containsOnly(admin);
        assertThat(trail.getString("[1].before")).isNull();
        assertThat(trail.getList("[1].after.runs.status")).containsExactly("SCHEDULED");
        assertThat(trail.getString("[0].before.cancelledAt")).isNull();
        assertThat(trail.getString("[0].after.cancelledAt")).isNotNull();
        assertThat(trail.getList("[0].after.runs.status")).containsExactly("CANCELLED");
    }

    @Test
    void lessonsLearnedAreAuditedEachTimeTheyAreReplaced() {
        GameDayRun run = DrillRunTest.startRun(clock, dispatcher, Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(3_600), "SILENT", null);
        String responder = unique("lessons-responder");
        String path = "/api/v1/runs/" + run.id + "/lessons";
        as(responder, Roles.RESPONDER).body("""
                {"wentWell":["Commander answered at once"],
                 "actionItems":[{"title":"Rotate the deploy keys","owner":"dana","dueDate":"2031-03-01"}]}""")
                .when().put(path).then().statusCode(200);
        as(responder, Roles.RESPONDER).body("""
                {"wentWell":["Commander answered at once"],"didNotGoWell":["Analyst missed the SMS"],
                 "actionItems":[{"title":"Rotate the deploy keys","owner":"dana","dueDate":"2031-03-01","done":true}]}""")
                .when().put(path).then().statusCode(200);

        JsonPath trail = audit(Map.of("entityType", "run-lessons", "entityId", run.id.toString()));
        assertThat(trail.getList("action")).containsExactly("updated", "created");
        assertThat(trail.getList("actor")).containsOnly(responder);
        assertThat(trail.getString("[1].before")).isNull();
        assertThat(trail.getList("[1].after.actionItems.done")).containsExactly(false);
        assertThat(trail.getList("[0].before.didNotGoWell")).isEmpty();
        assertThat(trail.getList("[0].before.actionItems.done")).containsExactly(false);
        assertThat(trail.getList("[0].after.didNotGoWell")).containsExactly("Analyst missed the SMS");
        assertThat(trail.getList("[0].after.actionItems.done")).containsExactly(true);
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        String admin = unique("refused-admin");
        String slug = unique("taken");
        as(Roles.ADMIN, Roles.ADMIN).body(scenario(slug, "LOW", "all")).when().post("/api/v1/scenarios")
                .then().statusCode(201);
        as(admin, Roles.ADMIN).body(scenario(slug, "LOW", "all")).when().post("/api/v1/scenarios")
                .then().statusCode(409);
        as(admin, Roles.ADMIN).body(scenario(unique("bad-audience"), "LOW", "legal-counsel"))
                .when().post("/api/v1/scenarios").then().statusCode(400);
        as(admin, Roles.ADMIN).body(GameDaySchedulingTest.gameDay("2031-02-03T09:00", null)
                .replace(GameDaySchedulingTest.RANSOMWARE, UUID.randomUUID().toString()))
                .when().post("/api/v1/gamedays").then().statusCode(422);
        as(admin, Roles.ADMIN).body(GameDaySchedulingTest.gameDay("2020-02-03T09:00", null))
                .when().post("/api/v1/gamedays").then().statusCode(400);
        as(admin, Roles.ADMIN).when().delete("/api/v1/gamedays/" + UUID.randomUUID()).then().statusCode(404);
        as(admin, Roles.ADMIN).body("{\"wentWell\":[\"x\"]}")
                .when().put("/api/v1/runs/" + UUID.randomUUID() + "/lessons").then().statusCode(404);
        as(admin, Roles.VIEWER).body(scenario(unique("viewer"), "LOW", "all")).when().post("/api/v1/scenarios")
                .then().statusCode(403);

        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("actor", admin)
                .when().get("/api/v1/audit").then().statusCode(200).body("$", empty());
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().when().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of(Roles.VIEWER, Roles.RESPONDER, Roles.GAMEDAY)) {
            given().header("Authorization", Tokens.bearer(role)).when().get("/api/v1/audit")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("since", "last tuesday")
                .when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("since"));
    }
}
