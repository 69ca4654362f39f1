package io.muster.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.instanceOf;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit endpoint every service has, answering here as everywhere else. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().when().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of(Roles.VIEWER, Roles.RESPONDER, Roles.GAMEDAY, Roles.INTEGRATION)) {
            given().header("Authorization", Tokens.bearer(role)).when().get("/api/v1/audit")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .queryParam("entityType", "page").queryParam("since", "2026-01-01T00:00:00Z")
                .when().get("/api/v1/audit")
                .then().statusCode(200).contentType("application/json").body("$", instanceOf(List.class));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("since", "2026-01-01")
                .when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("since"));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).queryParam("size", 501)
                .when().get("/api/v1/audit")
                .then().statusCode(400).body("errors.field", contains("size"));
    }
}
