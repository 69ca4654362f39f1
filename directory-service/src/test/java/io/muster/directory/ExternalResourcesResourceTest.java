package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExternalResourcesResourceTest {

    static String regulatorJson(String organisation) {
        return """
                {"kind":"REGULATOR","organisation":"%s","serviceType":"Data protection authority",
                 "primaryContact":{"name":"Breach desk","email":"breach@ico.example.org","phone":"+443031231113"},
                 "availability":"24x7 online form","notificationDeadlineHours":72,"owningRoleKey":"legal-counsel",
                 "expertise":["GDPR"],"reviewDueOn":"2027-01-31"}
                """.formatted(organisation);
    }

    @Test
    void adminKeepsAVendorAndARegulatorWithItsDeadlineAndOwner() {
        String organisation = "ICO " + UUID.randomUUID();
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(regulatorJson(organisation))
                .when().post("/api/v1/external-resources")
                .then().statusCode(201)
                .body("notificationDeadlineHours", equalTo(72))
                .body("owningRoleKey", equalTo("legal-counsel"))
                .body("contactVerifiedAt", nullValue())
                .extract().path("id");

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/external-resources/" + id)
                .then().statusCode(200)
                .body("organisation", equalTo(organisation))
                .body("primaryContact.email", equalTo("b***@ico.example.org"))
                .body("primaryContact.phone", equalTo("+44********13"));
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER))
                .queryParam("kind", "REGULATOR").when().get("/api/v1/external-resources")
                .then().statusCode(200).body("primaryContact.email", hasItem("breach@ico.example.org"));

        given().header("Authorization", ADMIN).when().post("/api/v1/external-resources/" + id + "/contact-verified")
                .then().statusCode(200).body("contactVerifiedAt", notNullValue());

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"kind":"CLOUD_SUPPORT","organisation":"AWS Support %s","contractNumber":"ENT-1",
                         "supportLevel":"Enterprise","responseSlaMinutes":15,
                         "primaryContact":{"name":"TAM","email":"tam@aws.example.com"},
                         "escalationContact":{"name":"Escalation manager","phone":"+12065550100"}}
                        """.formatted(organisation))
                .when().put("/api/v1/external-resources/" + id)
                .then().statusCode(200)
                .body("kind", equalTo("CLOUD_SUPPORT"))
                .body("responseSlaMinutes", equalTo(15))
                .body("escalationContact.phone", equalTo("+12065550100"))
                .body("contactVerifiedAt", nullValue());

        given().header("Authorization", ADMIN).queryParam("entityId", id).when().get("/api/v1/audit")
                .then().body("action", contains("updated", "contact-verified", "created"));
        given().header("Authorization", ADMIN).when().delete("/api/v1/external-resources/" + id)
                .then().statusCode(204);
        given().header("Authorization", ADMIN).when().get("/api/v1/external-resources/" + id)
                .then().statusCode(404);
    }

    @Test
    void aPartyIsPublishedWithTheIncidentTypesThatMustNotifyItAndATombstoneWhenDeleted() {
        String organisation = "ICO " + UUID.randomUUID();
        String body = regulatorJson(organisation).replace("\"reviewDueOn\"",
                "\"notifyForIncidentTypes\":[\"data-breach\",\"ransomware\"],\"reviewDueOn\"");
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/external-resources").then().statusCode(201)
                .body("notifyForIncidentTypes", contains("data-breach", "ransomware")).extract().path("id");
        String key = ExternalPartySnapshot.keyOf(UUID.fromString(id));
        ExternalPartySnapshot published = DirectoryApi.events(key, 1, Duration.ofSeconds(20)).get(0)
                .payloadAs(ExternalPartySnapshot.class);
        org.assertj.core.api.Assertions.assertThat(published.organisation()).isEqualTo(organisation);
        org.assertj.core.api.Assertions.assertThat(published.notificationDeadlineHours()).isEqualTo(72);
        org.assertj.core.api.Assertions.assertThat(published.concerns("ransomware")).isTrue();
        org.assertj.core.api.Assertions.assertThat(published.concerns("phishing")).isFalse();

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(body.replace("\"ransomware\"]", "\"bad type!\"]"))
                .when().put("/api/v1/external-resources/" + id).then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().delete("/api/v1/external-resources/" + id)
                .then().statusCode(204);
        List<String> values = DirectoryApi.rawValues(io.muster.contracts.Topics.DIRECTORY, key, 2,
                Duration.ofSeconds(20));
        org.assertj.core.api.Assertions.assertThat(values.get(values.size() - 1)).as("tombstone").isNull();
    }

    @Test
    void aRegulatorWithoutDeadlineOrOwnerIsRefused() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"kind":"REGULATOR","organisation":"Some regulator",
                         "primaryContact":{"name":"Desk","email":"desk@regulator.example"}}
                        """)
                .when().post("/api/v1/external-resources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("notificationDeadlineHours", "owningRoleKey"));
    }

    @Test
    void externalResourceEndpointsCheckTheCallersRole() {
        given().when().get("/api/v1/external-resources").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).when().get("/api/v1/external-resources")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/external-resources")
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body(regulatorJson("Refused")).when().post("/api/v1/external-resources").then().statusCode(403);
        UUID any = UUID.randomUUID();
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body(regulatorJson("Refused")).when().put("/api/v1/external-resources/" + any).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER))
                .when().post("/api/v1/external-resources/" + any + "/contact-verified").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER))
                .when().delete("/api/v1/external-resources/" + any).then().statusCode(403);
    }
}
