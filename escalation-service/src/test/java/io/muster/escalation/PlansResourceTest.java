package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlansResourceTest {

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role)).contentType(ContentType.JSON);
    }

    private static String policy(String name) {
        return """
                {"name":"%s","repeats":2,
                 "stages":[{"roles":["incident-commander"],"timeoutSeconds":300},
                           {"teams":["6f1d2a40-5c44-4b0e-9b8e-1d9a3c2f7e10"],"contacts":["0c9f5a8e-2b6d-4c1a-8e3f-7a5b9d1c2e40"],"timeoutSeconds":600}],
                 "stakeholders":{"roles":["legal-counsel"]}}
                """.formatted(name);
    }

    @Test
    void adminsKeepPoliciesAndPlansAndViewersReadThem() {
        String name = "security-" + UUID.randomUUID();
        String policyId = as(Roles.ADMIN).body(policy(name)).when().post("/api/v1/escalation-policies")
                .then().statusCode(201)
                .body("stages[0].roles", contains("incident-commander"))
                .body("stages[1].timeoutSeconds", equalTo(600))
                .body("stakeholders.roles", contains("legal-counsel"))
                .extract().path("id");
        as(Roles.ADMIN).body(policy(name).replace("\"repeats\":2", "\"repeats\":4"))
                .when().put("/api/v1/escalation-policies/" + policyId)
                .then().statusCode(200).body("repeats", equalTo(4));
        as(Roles.VIEWER).when().get("/api/v1/escalation-policies/" + policyId)
                .then().statusCode(200).body("name", equalTo(name)).body("repeats", equalTo(4));

        String type = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        String planId = as(Roles.ADMIN).body("{\"incidentType\":\"" + type + "\",\"severity\":\"CRITICAL\","
                + "\"policyId\":\"" + policyId + "\",\"rolesToEngage\":[\"communications-lead\"]}")
                .when().post("/api/v1/response-plans")
                .then().statusCode(201).body("rolesToEngage", contains("communications-lead")).extract().path("id");
        as(Roles.VIEWER).when().get("/api/v1/response-plans")
                .then().statusCode(200).body("id", hasItems(planId, "00000000-0000-0000-0000-000000000104"));
        // A policy in use cannot be deleted; the plan first, then the policy.
        as(Roles.ADMIN).when().delete("/api/v1/escalation-policies/" + policyId).then().statusCode(409);
        as(Roles.ADMIN).when().delete("/api/v1/response-plans/" + planId).then().statusCode(204);
        as(Roles.ADMIN).when().delete("/api/v1/escalation-policies/" + policyId).then().statusCode(204);
        as(Roles.VIEWER).when().get("/api/v1/escalation-policies/" + policyId).then().statusCode(404);
    }

    @Test
    void theSeededDefaultPlansFollowTheEscalationLevelRule() {
        as(Roles.VIEWER).when().get("/api/v1/escalation-policies")
                .then().statusCode(200)
                .body("find { it.name == 'default-levels-1-2' }.stages.levels", contains(contains(1), contains(2)))
                .body("find { it.name == 'default-levels-1-4' }.stages.levels",
                        contains(contains(1), contains(2), contains(3), contains(4)));
    }

    @Test
    void badPoliciesAndPlansAreProblemsNamingTheField() {
        as(Roles.ADMIN).body("{\"name\":\"empty\",\"repeats\":0,\"stages\":[]}")
                .when().post("/api/v1/escalation-policies")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("stages"));
        as(Roles.ADMIN).body("{\"name\":\"untargeted\",\"repeats\":0,\"stages\":[{\"timeoutSeconds\":60}]}")
                .when().post("/api/v1/escalation-policies")
                .then().statusCode(400).body("errors.field", contains("stages[0].targeted"));
        as(Roles.ADMIN).body("{\"name\":\"slow\",\"repeats\":11,\"stages\":[{\"levels\":[1],\"timeoutSeconds\":0}]}")
                .when().post("/api/v1/escalation-policies")
                .then().statusCode(400).body("errors.field", contains("repeats", "stages[0].timeoutSeconds"));
        as(Roles.ADMIN).body(policy("x".repeat(121))).when().post("/api/v1/escalation-policies")
                .then().statusCode(400).body("errors.field", contains("name"));
        String name = "dup-" + UUID.randomUUID();
        as(Roles.ADMIN).body(policy(name)).when().post("/api/v1/escalation-policies").then().statusCode(201);
        as(Roles.ADMIN).body(policy(name)).when().post("/api/v1/escalation-policies")
                .then().statusCode(409).body("errors.field", contains("name"));

        as(Roles.ADMIN).body("{\"incidentType\":\"Bad Type\",\"severity\":\"LOW\",\"policyId\":\""
                + UUID.randomUUID() + "\"}").when().post("/api/v1/response-plans")
                .then().statusCode(400).body("errors.field", contains("incidentType"));
        as(Roles.ADMIN).body("{\"incidentType\":\"ok-type\",\"severity\":\"LOW\",\"policyId\":\""
                + UUID.randomUUID() + "\"}").when().post("/api/v1/response-plans")
                .then().statusCode(422).body("errors.field", contains("policyId"));
        as(Roles.ADMIN).body("{\"incidentType\":\"*\",\"severity\":\"LOW\",\"policyId\":\""
                + "00000000-0000-0000-0000-000000000012\"}").when().post("/api/v1/response-plans")
                .then().statusCode(409).body("errors.field", contains("incidentType"));
    }

    @Test
    void onlyAdminsChangePlans() {
        given().when().get("/api/v1/escalation-policies").then().statusCode(401);
        as(Roles.RESPONDER).body(policy("r-" + UUID.randomUUID())).when().post("/api/v1/escalation-policies")
                .then().statusCode(403);
        as(Roles.INTEGRATION).when().get("/api/v1/response-plans").then().statusCode(403);
        as(Roles.RESPONDER).when().delete("/api/v1/response-plans/00000000-0000-0000-0000-000000000101")
                .then().statusCode(403);
        as(Roles.VIEWER).when().get("/api/v1/response-plans/00000000-0000-0000-0000-000000000101")
                .then().statusCode(200).body("incidentType", equalTo("*"));
    }
}
