package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    MutableClock clock;

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

    private static String policy(String name, int repeats) {
        return """
                {"name":"%s","repeats":%d,"stages":[{"roles":["incident-commander"],"timeoutSeconds":300}]}
                """.formatted(name, repeats);
    }

    @Test
    void policiesPlansAndSeveritiesAreAuditedWithWhoWhenBeforeAndAfter() {
        String admin = unique("plan-admin");
        clock.advance(Duration.ofMinutes(5));
        Instant at = clock.instant();
        String name = unique("audited policy");
        String policyId = as(admin, Roles.ADMIN).body(policy(name, 1)).when().post("/api/v1/escalation-policies")
                .then().statusCode(201).extract().path("id");
        as(admin, Roles.ADMIN).body(policy(name, 3)).when().put("/api/v1/escalation-policies/" + policyId)
                .then().statusCode(200);
        String type = unique("audited");
        String planId = as(admin, Roles.ADMIN).body("{\"incidentType\":\"" + type + "\",\"severity\":\"LOW\","
                + "\"policyId\":\"" + policyId + "\",\"requiredRoles\":[\"security-analyst\"]}")
                .when().post("/api/v1/response-plans").then().statusCode(201).extract().path("id");
        as(admin, Roles.ADMIN).when().delete("/api/v1/response-plans/" + planId).then().statusCode(204);
        as(admin, Roles.ADMIN).when().delete("/api/v1/escalation-policies/" + policyId).then().statusCode(204);

        JsonPath policyTrail = audit(Map.of("entityType", "escalation-policy", "entityId", policyId));
        assertThat(policyTrail.getList("action")).containsExactly("deleted", "updated", "created");
        assertThat(policyTrail.getList("actor")).containsOnly(admin);
        assertThat(policyTrail.getString("[2].before")).isNull();
        assertThat(policyTrail.getString("[2].after.name")).isEqualTo(name);
        assertThat(policyTrail.getInt("[1].before.repeats")).isEqualTo(1);
        assertThat(policyTrail.getInt("[1].after.repeats")).isEqualTo(3);
        assertThat(policyTrail.getList("[1].after.stages.roles")).containsExactly(List.of("incident-commander"));
        assertThat(policyTrail.getInt("[0].before.repeats")).isEqualTo(3);
        assertThat(policyTrail.getString("[0].after")).isNull();
        // Time comes from the injected clock, which the test holds still.
        assertThat(Instant.parse(policyTrail.getString("[2].at"))).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));

        JsonPath planTrail = audit(Map.of("entityType", "response-plan", "entityId", planId));
        assertThat(planTrail.getList("action")).containsExactly("deleted", "created");
        assertThat(planTrail.getString("[1].after.incidentType")).isEqualTo(type);
        assertThat(planTrail.getList("[1].after.requiredRoles")).containsExactly("security-analyst");
        assertThat(planTrail.getString("[0].before.policyId")).isEqualTo(policyId);

        // Everything this admin did, newest first, one page at a time.
        assertThat(audit(Map.of("actor", admin)).getList("action")).hasSize(5);
        assertThat(audit(Map.of("actor", admin, "size", 2, "page", 2)).getList("action")).containsExactly("created");
        assertThat(audit(Map.of("actor", admin, "since", at.plusSeconds(1).toString())).getList("id")).isEmpty();
    }

    @Test
    void aSeverityDefinitionChangeIsAuditedWithTheDefinitionBeforeAndAfter() {
        String admin = unique("severity-admin");
        JsonPath low = given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/severities")
                .then().statusCode(200).extract().jsonPath();
        int index = low.getList("severity").indexOf("LOW");
        String criteria = low.getString("[" + index + "].criteria");
        String definition = """
                {"name":"%s","criteria":"%s","ackTargetSeconds":%d,"allChannelsAtOnce":%s,"bundlingExempt":%s,
                 "stakeholderRoles":[]}""";
        Object[] values = { low.getString("[" + index + "].name"), criteria, low.getInt("[" + index + "].ackTargetSeconds"),
                low.getBoolean("[" + index + "].allChannelsAtOnce"), low.getBoolean("[" + index + "].bundlingExempt") };
        Object[] changed = values.clone();
        changed[1] = criteria + " (reviewed)";
        as(admin, Roles.ADMIN).body(definition.formatted(changed)).when().put("/api/v1/severities/LOW")
                .then().statusCode(200);
        as(admin, Roles.ADMIN).body(definition.formatted(values)).when().put("/api/v1/severities/LOW")
                .then().statusCode(200);

        JsonPath trail = audit(Map.of("actor", admin));
        assertThat(trail.getList("entityType")).containsOnly("severity");
        assertThat(trail.getList("entityId")).containsOnly("LOW");
        assertThat(trail.getList("action")).containsOnly("updated");
        assertThat(trail.getString("[1].before.criteria")).isEqualTo(criteria);
        assertThat(trail.getString("[1].after.criteria")).isEqualTo(criteria + " (reviewed)");
        assertThat(trail.getString("[0].after.criteria")).isEqualTo(criteria);
    }

    @Test
    void integrationKeysAreAuditedButTheKeyItselfNeverIs() {
        String admin = unique("key-admin");
        String key = as(admin, Roles.ADMIN).body("{\"name\":\"audited monitoring\",\"incidentType\":\"audited\"}")
                .when().post("/api/v1/integration-keys").then().statusCode(201).extract().path("integrationKey");
        as(admin, Roles.ADMIN).when().delete("/api/v1/integration-keys/" + key).then().statusCode(204);

        String masked = "*".repeat(28) + key.substring(28);
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("actor", admin)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("revoked", "created"))
                .body("entityType", everyItem(equalTo("integration-key")))
                .body("entityId", everyItem(equalTo(masked)))
                .body("[1].before", nullValue())
                .body("[1].after.integrationKey", equalTo(masked))
                .body("[1].after.name", equalTo("audited monitoring"))
                .body("[0].before.integrationKey", equalTo(masked))
                .body("[0].after", nullValue())
                .body(not(containsString(key)));

        // The key configured for a first install is audited too, as the configuration's doing.
        String seeded = "5e3d1c0ffee0ddba11c0ffee0ddba11c";
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("entityType", "integration-key")
                .queryParam("actor", "configuration")
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("entityId", contains("*".repeat(28) + "a11c"))
                .body(not(containsString(seeded)));
    }

    @Test
    void incidentActionsAreAuditedFromRaiseToResolve() {
        // The responder acknowledging must be someone the incident paged: a directory person with this login.
        String responder = unique("responder");
        UUID person = ReplicaFixtures.personWithLogin("Audra Audited", responder);
        String type = EscalationApi.planWithPolicy("MEDIUM", 0, "[" + EscalationApi.stage(300, person) + "]", null);
        UUID id = EscalationApi.raise(type, "MEDIUM");
        as(responder, Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/acknowledge").then().statusCode(200);
        as(responder, Roles.RESPONDER).body("{\"text\":\"isolated the host\"}")
                .when().post("/api/v1/incidents/" + id + "/notes").then().statusCode(201);
        as(responder, Roles.RESPONDER).body("{\"severity\":\"HIGH\"}")
                .when().put("/api/v1/incidents/" + id + "/severity").then().statusCode(200);
        as(responder, Roles.RESPONDER).when().post("/api/v1/incidents/" + id + "/resolve").then().statusCode(200);

        JsonPath trail = audit(Map.of("entityType", "incident", "entityId", id.toString()));
        assertThat(trail.getList("action"))
                .containsExactly("resolved", "severity-changed", "note-added", "acknowledged", "raised");
        assertThat(trail.getList("actor"))
                .containsExactly(responder, responder, responder, responder, "integration-user");
        assertThat(trail.getString("[4].before")).isNull();
        assertThat(trail.getString("[4].after.status")).isEqualTo("TRIGGERED");
        assertThat(trail.getString("[3].before.status")).isEqualTo("TRIGGERED");
        assertThat(trail.getString("[3].after.status")).isEqualTo("ACKNOWLEDGED");
        assertThat(trail.getString("[3].after.acknowledgedBy")).isEqualTo(responder);
        assertThat(trail.getString("[2].before")).isNull();
        assertThat(trail.getString("[2].after.detail")).isEqualTo("isolated the host");
        assertThat(trail.getString("[1].before.severity")).isEqualTo("MEDIUM");
        assertThat(trail.getString("[1].after.severity")).isEqualTo("HIGH");
        assertThat(trail.getString("[0].before.status")).isEqualTo("ACKNOWLEDGED");
        assertThat(trail.getString("[0].after.status")).isEqualTo("RESOLVED");
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        String admin = unique("refused-admin");
        String name = unique("taken");
        String policyId = as(Roles.ADMIN + "-setup", Roles.ADMIN).body(policy(name, 0))
                .when().post("/api/v1/escalation-policies").then().statusCode(201).extract().path("id");
        String type = unique("in-use");
        as(Roles.ADMIN + "-setup", Roles.ADMIN).body("{\"incidentType\":\"" + type + "\",\"severity\":\"LOW\","
                + "\"policyId\":\"" + policyId + "\"}").when().post("/api/v1/response-plans").then().statusCode(201);
        UUID incident = EscalationApi.raise(type, "LOW");
        as("setup-responder", Roles.RESPONDER).when().post("/api/v1/incidents/" + incident + "/resolve")
                .then().statusCode(200);

        as(admin, Roles.ADMIN).body(policy(name, 0)).when().post("/api/v1/escalation-policies")
                .then().statusCode(409);
        as(admin, Roles.ADMIN).body(policy("", 0)).when().put("/api/v1/escalation-policies/" + policyId)
                .then().statusCode(400);
        as(admin, Roles.ADMIN).when().delete("/api/v1/escalation-policies/" + policyId).then().statusCode(409);
        as(admin, Roles.ADMIN).body("{\"incidentType\":\"" + unique("x") + "\",\"severity\":\"LOW\","
                + "\"policyId\":\"" + UUID.randomUUID() + "\"}").when().post("/api/v1/response-plans")
                .then().statusCode(422);
        as(admin, Roles.ADMIN).when().delete("/api/v1/integration-keys/" + "0".repeat(32)).then().statusCode(404);
        as(admin, Roles.ADMIN).when().post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(409);
        as(admin, Roles.ADMIN).when().post("/api/v1/incidents/" + incident + "/acknowledge").then().statusCode(409);
        as(admin, Roles.ADMIN).body("{\"severity\":\"CRITICAL\"}")
                .when().put("/api/v1/incidents/" + incident + "/severity").then().statusCode(409);
        as(admin, Roles.VIEWER).body("{\"text\":\"not allowed\"}")
                .when().post("/api/v1/incidents/" + incident + "/notes").then().statusCode(403);

        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("actor", admin)
                .when().get("/api/v1/audit").then().statusCode(200).body("$", empty());
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("entityId", policyId)
                .when().get("/api/v1/audit").then().statusCode(200).body("$", hasSize(1))
                .body("[0].action", equalTo("created"));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().when().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of(Roles.VIEWER, Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY)) {
            given().header("Authorization", Tokens.bearer(role)).when().get("/api/v1/audit")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("since", "yesterday")
                .when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("since"));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("size", 0)
                .when().get("/api/v1/audit")
                .then().statusCode(400).body("errors.field", contains("size"));
    }
}
