package io.muster.gameday;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScenariosResourceTest {

    private static String scenario(String slug) {
        return """
                {"slug":"%s","name":"Insider deletes audit logs","description":"A departing engineer wipes CloudTrail.",
                 "incidentType":"insider-threat","severity":"HIGH","expectedRoles":["incident-commander","legal-counsel"],
                 "targetFirstAckSeconds":300,"targetAllRolesSeconds":900}
                """.formatted(slug);
    }

    @Test
    void theLibraryStartsWithFiveThreatScenarios() {
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/scenarios")
                .then().statusCode(200)
                .body("slug", hasItems("credential-compromise", "ransomware-production-db", "data-exfiltration",
                        "ddos", "public-storage-bucket"))
                .body("find { it.slug == 'ransomware-production-db' }.severity", equalTo("CRITICAL"));
    }

    @Test
    void anAdminAddsAScenarioThatIsStoredAndReadBack() {
        String slug = "insider-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(scenario(slug))
                .when().post("/api/v1/scenarios")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/scenarios/" + id)
                .then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("expectedRoles", contains("incident-commander", "legal-counsel"));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(scenario(slug))
                .when().post("/api/v1/scenarios")
                .then().statusCode(409).body("errors.field", contains("slug"));
    }

    @Test
    void badInputAndWrongRolesAreRefused() {
        String admin = Tokens.bearer(Roles.ADMIN);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(scenario("ok-slug").replace("[\"incident-commander\",\"legal-counsel\"]", "[]"))
                .when().post("/api/v1/scenarios")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("expectedRoles"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(scenario("ok-slug").replace("\"targetAllRolesSeconds\":900", "\"targetAllRolesSeconds\":60"))
                .when().post("/api/v1/scenarios")
                .then().statusCode(400).body("errors.field", contains("targetAllRolesSeconds"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(scenario("ok-slug").replace("\"legal-counsel\"", "\"Legal Counsel!\""))
                .when().post("/api/v1/scenarios")
                .then().statusCode(400).body("errors.field", contains("expectedRoles[1]"));
        given().when().get("/api/v1/scenarios").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body(scenario("nope-" + UUID.randomUUID().toString().substring(0, 8)))
                .when().post("/api/v1/scenarios").then().statusCode(403);
    }

    @Test
    void anAdminReplacesAScenarioWithInjectsWhichComeBackInTimeOrder() {
        String slug = "edit-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = Tokens.bearer(Roles.ADMIN);
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(scenario(slug))
                .when().post("/api/v1/scenarios").then().statusCode(201).extract().path("id");
        String edited = scenario(slug).replace("\"targetAllRolesSeconds\":900", """
                "targetAllRolesSeconds":1200,"injects":[
                 {"atSeconds":600,"audience":"legal-counsel","message":"A regulator calls."},
                 {"atSeconds":120,"audience":"all","message":"Logs stop arriving."}]""");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(edited)
                .when().put("/api/v1/scenarios/" + id)
                .then().statusCode(200)
                .body("targetAllRolesSeconds", equalTo(1200))
                .body("injects.atSeconds", contains(120, 600))
                .body("injects.audience", contains("all", "legal-counsel"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/scenarios/" + id)
                .then().statusCode(200).body("injects.message", contains("Logs stop arriving.", "A regulator calls."));
    }

    @Test
    void editsWithBadInjectsOrWrongRolesAreRefusedAndChangeNothing() {
        String slug = "bad-edit-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = Tokens.bearer(Roles.ADMIN);
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(scenario(slug))
                .when().post("/api/v1/scenarios").then().statusCode(201).extract().path("id");
        String strangerAudience = scenario(slug).replace("\"targetAllRolesSeconds\":900", """
                "targetAllRolesSeconds":900,"injects":[{"atSeconds":60,"audience":"all","message":"ok"},
                 {"atSeconds":90,"audience":"finance-lead","message":"not a participant"}]""");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(strangerAudience)
                .when().put("/api/v1/scenarios/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("injects[1].audience"));
        String negative = scenario(slug).replace("\"targetAllRolesSeconds\":900", """
                "targetAllRolesSeconds":900,"injects":[{"atSeconds":-5,"audience":"all","message":"early"}]""");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(negative)
                .when().put("/api/v1/scenarios/" + id)
                .then().statusCode(400).body("errors.field", contains("injects[0].atSeconds"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(scenario("credential-compromise"))
                .when().put("/api/v1/scenarios/" + id)
                .then().statusCode(409).body("errors.field", contains("slug"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(scenario(slug))
                .when().put("/api/v1/scenarios/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body(scenario(slug)).when().put("/api/v1/scenarios/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(scenario(slug))
                .when().put("/api/v1/scenarios/" + id).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/scenarios/" + id)
                .then().statusCode(200).body("injects", org.hamcrest.Matchers.empty())
                .body("slug", equalTo(slug));
    }
}
