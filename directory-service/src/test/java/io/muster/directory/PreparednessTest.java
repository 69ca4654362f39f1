package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreparednessTest {

    static final String ITEM = """
            {"key":"%s","kind":"%s","name":"%s","description":"Assume the role from the security account",
             "howToGet":"Raise an access request to the cloud platform team","recheckDays":%d}""";

    @Inject
    MutableClock clock;

    static String newRole() {
        String role = "r" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"key\":\"%s\",\"name\":\"Prepared role\",\"defaultEscalationLevel\":2,\"notificationPriority\":2}"
                        .formatted(role))
                .when().post("/api/v1/roles").then().statusCode(201);
        return role;
    }

    static void addItem(String role, String key, String kind, String name, int recheckDays) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(ITEM.formatted(key, kind, name, recheckDays))
                .when().post("/api/v1/roles/" + role + "/preparedness")
                .then().statusCode(201).header("Location", containsString("/api/v1/roles/" + role + "/preparedness/" + key));
    }

    static UUID personWithLogin(String role, String login) {
        return createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":2,"roles":["%s"],"login":"%s"}
                """.formatted(uniqueName("Prepared Person"), role, login));
    }

    static io.restassured.response.ValidatableResponse check(UUID person, String item, String bearer,
            String body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/people/" + person + "/preparedness/" + item).then();
    }

    private static List<Map<String, Object>> findingsAbout(String subjectId) {
        List<Map<String, Object>> findings = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/readiness")
                .then().statusCode(200).extract().path("findings");
        return findings.stream().filter(f -> subjectId.equals(f.get("subjectId"))).toList();
    }

    private static List<Map<String, Object>> findingsAbout(UUID person, String code) {
        return findingsAbout(person.toString()).stream().filter(f -> code.equals(f.get("code"))).toList();
    }

    @Test
    void anAdminKeepsARolesAccessAndToolsAndEveryChangeIsAudited() {
        String role = newRole();
        addItem(role, "break-glass", "ACCESS", "Break-glass role in the security account", 90);
        addItem(role, "forensics-workstation", "TOOL", "Forensics workstation", 30);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/roles/" + role + "/preparedness")
                .then().statusCode(200)
                .body("key", contains("break-glass", "forensics-workstation"))
                .body("kind", contains("ACCESS", "TOOL"))
                .body("[0].howToGet", equalTo("Raise an access request to the cloud platform team"))
                .body("[1].recheckDays", equalTo(30));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(ITEM.formatted("break-glass", "ACCESS", "Break-glass role (prod security account)", 60))
                .when().put("/api/v1/roles/" + role + "/preparedness/break-glass")
                .then().statusCode(200).body("name", equalTo("Break-glass role (prod security account)"))
                .body("recheckDays", equalTo(60));
        given().header("Authorization", ADMIN).when().delete("/api/v1/roles/" + role + "/preparedness/forensics-workstation")
                .then().statusCode(204);
        given().header("Authorization", ADMIN).when().get("/api/v1/roles/" + role + "/preparedness/forensics-workstation")
                .then().statusCode(404);

        given().header("Authorization", ADMIN).queryParam("entityType", "preparedness-item")
                .queryParam("entityId", role + "/break-glass")
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("updated", "created"))
                .body("[0].before.recheckDays", equalTo(90)).body("[0].after.recheckDays", equalTo(60));
        given().header("Authorization", ADMIN).queryParam("entityType", "preparedness-item")
                .queryParam("entityId", role + "/forensics-workstation")
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("deleted", "created"))
                .body("[0].after", nullValue());
    }

    @Test
    void badItemsAreRefusedNamingTheFieldAndOnlyAdminsChangeTheCatalog() {
        String role = newRole();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"key\":\"Bad Key\",\"name\":\"\",\"recheckDays\":0}")
                .when().post("/api/v1/roles/" + role + "/preparedness")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems(
                        containsString("key"), containsString("kind"), containsString("name"),
                        containsString("recheckDays")));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(ITEM.formatted("edr-console", "TOOL", "EDR console", 3651))
                .when().post("/api/v1/roles/" + role + "/preparedness")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("recheckDays")));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(ITEM.formatted("edr-console", "GADGET", "EDR console", 30))
                .when().post("/api/v1/roles/" + role + "/preparedness")
                .then().statusCode(400).contentType("application/problem+json");
        addItem(role, "edr-console", "TOOL", "EDR console", 30);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(ITEM.formatted("edr-console", "TOOL", "EDR console", 30))
                .when().post("/api/v1/roles/" + role + "/preparedness")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("key"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(ITEM.formatted("other-key", "TOOL", "EDR console", 30))
                .when().put("/api/v1/roles/" + role + "/preparedness/edr-console")
                .then().statusCode(400).body("errors.field", hasItem("key"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(ITEM.formatted("edr-console", "TOOL", "EDR console", 30))
                .when().post("/api/v1/roles/no-such-role/preparedness")
                .then().statusCode(404).contentType("application/problem+json");
        for (String bearer : List.of(Tokens.bearer(Roles.RESPONDER), Tokens.bearer(Roles.VIEWER))) {
            given().header("Authorization", bearer).contentType(ContentType.JSON)
                    .body(ITEM.formatted("cloudtrail-read", "ACCESS", "CloudTrail read", 30))
                    .when().post("/api/v1/roles/" + role + "/preparedness")
                    .then().statusCode(403);
            given().header("Authorization", bearer).when().delete("/api/v1/roles/" + role + "/preparedness/edr-console")
                    .then().statusCode(403);
        }
        given().header("Authorization", ADMIN).when().get("/api/v1/roles/" + role + "/preparedness")
                .then().statusCode(200).body("key", contains("edr-console"));
    }

    @Test
    void aPersonRecordsTheirOwnChecksAndNobodyElsesWhileAnAdminRecordsAnyones() {
        String role = newRole();
        addItem(role, "cloudtrail-read", "ACCESS", "Read access to CloudTrail", 90);
        String login = "prep-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = personWithLogin(role, login);
        String self = "Bearer " + Tokens.token(login, Roles.RESPONDER);
        String someoneElse = "Bearer " + Tokens.token("prep-other-" + login, Roles.RESPONDER);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/people/" + person + "/preparedness")
                .then().statusCode(200)
                .body("items.key", contains("cloudtrail-read"))
                .body("items[0].state", equalTo("NEVER_CHECKED"))
                .body("items[0].roles", contains(role))
                .body("items[0].checkedAt", nullValue());

        check(person, "cloudtrail-read", someoneElse, "{\"inPlace\":true}")
                .statusCode(403).contentType("application/problem+json")
                .body("type", containsString("not-this-person"));
        check(person, "cloudtrail-read", Tokens.bearer(Roles.VIEWER), "{\"inPlace\":true}").statusCode(403);
        check(person, "cloudtrail-read", self, "{\"inPlace\":true,\"note\":\"signed in through SSO\"}")
                .statusCode(200)
                .body("items[0].state", equalTo("IN_PLACE"))
                .body("items[0].inPlace", equalTo(true))
                .body("items[0].note", equalTo("signed in through SSO"))
                .body("items[0].checkedBy", equalTo(login));
        check(person, "cloudtrail-read", ADMIN, "{\"inPlace\":false,\"note\":\"role removed in the re-org\"}")
                .statusCode(200)
                .body("items[0].state", equalTo("NOT_IN_PLACE"))
                .body("items[0].checkedBy", equalTo("admin-user"));

        // Bad input names the field; an item the person's roles do not ask for, or an unknown person, is a 404.
        check(person, "cloudtrail-read", self, "{\"note\":\"forgot the flag\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("inPlace")));
        check(person, "cloudtrail-read", self, "{\"inPlace\":true,\"note\":\"" + "x".repeat(1001) + "\"}")
                .statusCode(400).body("errors.field", hasItem(containsString("note")));
        check(person, "cloudtrail-read", self, "{\"inPlace\":\"yes\"}").statusCode(400);
        check(person, "edr-console", self, "{\"inPlace\":true}").statusCode(404);
        check(UUID.randomUUID(), "cloudtrail-read", ADMIN, "{\"inPlace\":true}").statusCode(404);

        given().header("Authorization", ADMIN).queryParam("entityType", "person-preparedness")
                .queryParam("entityId", person + "/cloudtrail-read")
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("updated", "created"))
                .body("actor", contains("admin-user", login))
                .body("[0].before.inPlace", equalTo(true)).body("[0].after.inPlace", equalTo(false));
    }

    @Test
    void aPersonIsKnownByAVerifiedEmailAddressToo() {
        String role = newRole();
        addItem(role, "edr-console", "TOOL", "EDR console", 30);
        String address = "prep-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"people":[{"ref":"p","displayName":"%s","timeZone":"UTC","escalationLevel":2,
                          "roles":["%s"],"channels":[{"type":"EMAIL","address":"%s","preference":1,"verified":true}]}]}
                        """.formatted(uniqueName("Mail Person"), role, address))
                .when().post("/api/v1/import").then().statusCode(200);
        UUID person = given().header("Authorization", ADMIN).queryParam("role", role).when().get("/api/v1/people")
                .then().statusCode(200).extract().jsonPath().getUUID("items[0].id");
        check(person, "edr-console", "Bearer " + Tokens.token(address.toUpperCase(), Roles.RESPONDER),
                "{\"inPlace\":true}").statusCode(200).body("items[0].state", equalTo("IN_PLACE"));
    }

    @Test
    void readinessFindsMissingItemsAndChecksOlderThanTheirPeriod() {
        String role = newRole();
        String second = newRole();
        addItem(role, "break-glass", "ACCESS", "Break-glass role", 1);
        // The same access asked by two roles is one requirement, re-checked on the shorter period.
        addItem(second, "break-glass", "ACCESS", "Break-glass role", 30);
        addItem(second, "forensics-workstation", "TOOL", "Forensics workstation", 30);
        String login = "prep-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = createPerson("""
                {"displayName":"%s","timeZone":"UTC","escalationLevel":2,"roles":["%s","%s"],"login":"%s"}
                """.formatted(uniqueName("Ready Person"), role, second, login));
        String self = "Bearer " + Tokens.token(login, Roles.RESPONDER);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/people/" + person + "/preparedness")
                .then().statusCode(200).body("items.key", contains("break-glass", "forensics-workstation"))
                .body("items[0].recheckDays", equalTo(1));
        List<Map<String, Object>> missing = findingsAbout(person, "PREPAREDNESS_MISSING");
        assertThat(missing).hasSize(2).allSatisfy(f -> {
            assertThat(f.get("severity")).isEqualTo("HIGH");
            assertThat((String) f.get("message")).contains("never been checked");
            assertThat((String) f.get("remedy")).contains("/api/v1/people/" + person + "/preparedness/");
        });

        check(person, "break-glass", self, "{\"inPlace\":true}").statusCode(200);
        check(person, "forensics-workstation", self, "{\"inPlace\":false}").statusCode(200);
        missing = findingsAbout(person, "PREPAREDNESS_MISSING");
        assertThat(missing).hasSize(1);
        assertThat((String) missing.get(0).get("message")).contains("forensics-workstation").contains("is not in place");
        assertThat(findingsAbout(person, "PREPAREDNESS_RECHECK_DUE")).isEmpty();

        // A day and a bit later the one-day period of the break-glass check has run out.
        clock.advance(Duration.ofHours(25));
        List<Map<String, Object>> due = findingsAbout(person, "PREPAREDNESS_RECHECK_DUE");
        assertThat(due).hasSize(1);
        assertThat(due.get(0).get("severity")).isEqualTo("MEDIUM");
        assertThat((String) due.get(0).get("message")).contains("break-glass").contains("more than 1 days ago");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/people/" + person + "/preparedness")
                .then().statusCode(200).body("items[0].state", equalTo("RECHECK_DUE"));

        check(person, "break-glass", self, "{\"inPlace\":true}").statusCode(200);
        check(person, "forensics-workstation", self, "{\"inPlace\":true}").statusCode(200);
        assertThat(findingsAbout(person, "PREPAREDNESS_RECHECK_DUE")).isEmpty();
        assertThat(findingsAbout(person, "PREPAREDNESS_MISSING")).isEmpty();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("muster_directory_readiness_findings{code=\"PREPAREDNESS_MISSING\"");
    }
}
