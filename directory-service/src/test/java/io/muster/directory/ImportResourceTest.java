package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    private static int peopleNamed(String name) {
        return given().header("Authorization", ADMIN).queryParam("name", name)
                .when().get("/api/v1/people").then().statusCode(200).extract().path("total");
    }

    @Test
    void theDemoOrganisationDryRunsWritesNothingThenImportsOnceOnly() throws Exception {
        String demo = Files.readString(Path.of("..", "deploy", "local", "demo", "directory.json"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).queryParam("dryRun", true).body(demo)
                .when().post("/api/v1/import")
                .then().statusCode(200)
                .body("dryRun", equalTo(true)).body("people", equalTo(20)).body("teams", equalTo(2))
                .body("rotations", equalTo(2)).body("externalResources", equalTo(3)).body("roles", equalTo(3));
        assertThat(peopleNamed("Amara Okafor")).isZero();

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(demo)
                .when().post("/api/v1/import")
                .then().statusCode(200).body("dryRun", equalTo(false)).body("people", equalTo(20));
        assertThat(peopleNamed("Amara Okafor")).isEqualTo(1);
        given().header("Authorization", ADMIN).queryParam("name", "Farid Haddad").when().get("/api/v1/people")
                .then().body("items[0].reachable", equalTo(true))
                .body("items[0].roles", contains("security-analyst"));
        // Week 46 of the weekly rotation (amara, ben, tariq) is Ben's. Only he is paged now; before, the responders
        // also listed the two off-shift members, who are candidates.
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .queryParam("team", "Security Operations").queryParam("role", "incident-commander")
                .queryParam("at", "2026-11-24T12:00:00Z")
                .when().get("/api/v1/who-is-on-call")
                .then().statusCode(200).body("rotations.name", contains("SecOps incident commander"))
                .body("responders.displayName", contains("Ben Hartley"))
                .body("responders.reason", contains("ON_CALL"))
                .body("candidates.displayName", contains("Ben Hartley", "Tariq Aziz", "Amara Okafor"));
        UUID tariq = DirectoryApi.idOf("Tariq Aziz");
        UUID ben = DirectoryApi.idOf("Ben Hartley");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/roles")
                .then().statusCode(200)
                .body("find { it.key == 'incident-commander' }.escalationContactId", equalTo(tariq.toString()))
                .body("find { it.key == 'communications-lead' }.escalationContactId", equalTo(ben.toString()))
                .body("find { it.key == 'legal-counsel' }.escalationContactId", equalTo(tariq.toString()));
        // Legal counsel has no rotation: the roster answers (Omar before Priya, both level 4), then Tariq.
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).queryParam("role", "legal-counsel")
                .when().get("/api/v1/who-is-on-call")
                .then().statusCode(200)
                .body("responders.displayName", contains("Omar Farouk"))
                .body("responders.reason", contains("ROSTER"))
                .body("candidates[-1].displayName", equalTo("Tariq Aziz"))
                .body("candidates[-1].reason", equalTo("ESCALATION_CONTACT"));
        given().header("Authorization", ADMIN).queryParam("kind", "REGULATOR").when().get("/api/v1/external-resources")
                .then().body("organisation", hasItem("Information Commissioner's Office"));

        // A second run would duplicate everyone: the team names already exist, so nothing is imported.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(demo)
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("teams[0].name", "teams[1].name"));
        assertThat(peopleNamed("Amara Okafor")).isEqualTo(1);
    }

    @Test
    void everyBadJsonRowIsReportedAndNothingIsImported() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"people":[
                  {"ref":"ok","displayName":"Fine %1$s","timeZone":"UTC","escalationLevel":1,
                   "channels":[{"type":"EMAIL","address":"fine@example.com","preference":1}]},
                  {"ref":"bad1","displayName":"","timeZone":"Nowhere/Place","escalationLevel":9,"roles":["wizard"]},
                  {"ref":"bad2","displayName":"Bad two %1$s","timeZone":"UTC","escalationLevel":1,"managerRef":"ghost",
                   "channels":[{"type":"SMS","address":"0770","preference":1}]},
                  {"ref":"ok","displayName":"Duplicate ref %1$s","timeZone":"UTC","escalationLevel":1}],
                 "teams":[{"name":"Team %1$s","memberRefs":["nobody"]}]}
                """.formatted(tag);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("people[1].displayName", "people[1].escalationLevel"));
        // Structural problems first; once the rows are well-formed, every reference problem is reported together.
        String wellFormed = body.replace("\"displayName\":\"\"", "\"displayName\":\"Bad one " + tag + "\"")
                .replace("\"escalationLevel\":9", "\"escalationLevel\":2");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(wellFormed)
                .when().post("/api/v1/import")
                .then().statusCode(400)
                .body("errors.field", contains("people[1].roles[0]", "people[1].timeZone",
                        "people[2].channels[0].address", "people[2].managerRef", "people[3].ref",
                        "teams[0].memberRefs[0]"));
        assertThat(peopleNamed(tag)).isZero();
    }

    @Test
    void aRolesEscalationContactMustBeAnActivePersonOfTheImport() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"people":[
                  {"ref":"boss","displayName":"Boss %1$s","timeZone":"UTC","escalationLevel":1},
                  {"ref":"gone","displayName":"Gone %1$s","timeZone":"UTC","escalationLevel":1,"active":false}],
                 "roles":[{"key":"no-such-role","escalationContactRef":"boss"},
                          {"key":"technical-lead","escalationContactRef":"ghost"},
                          {"key":"security-analyst","escalationContactRef":"gone"},
                          {"key":"technical-lead","escalationContactRef":"boss"}%2$s]}
                """;
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(body.formatted(tag, ",{\"key\":\"legal-counsel\"}"))
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("roles[4].escalationContactRef"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(body.formatted(tag, ""))
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("roles[0].key", "roles[1].escalationContactRef",
                        "roles[2].escalationContactRef", "roles[3].key"));
        assertThat(peopleNamed(tag)).isZero();
    }

    @Test
    void csvImportsPeopleWithChannelsAndReportsBadRowsByLineAndColumn() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String header = "ref,displayName,department,timeZone,roles,skills,escalationLevel,email,sms,channelsVerified\n";
        String good = header
                + "a1,\"Csv, Alice %1$s\",Security,Europe/London,security-analyst;technical-lead,aws;forensics,2,alice.%1$s@example.com,+447700900201,true\n"
                + "b1,Csv Bob %1$s,Security,Europe/London,security-analyst,,3,bob.%1$s@example.com,,false\n";
        given().header("Authorization", ADMIN).contentType("text/csv").queryParam("dryRun", true)
                .body(good.formatted(tag))
                .when().post("/api/v1/import")
                .then().statusCode(200).body("people", equalTo(2)).body("channels", equalTo(3));
        assertThat(peopleNamed(tag)).isZero();

        given().header("Authorization", ADMIN).contentType("text/csv").body(good.formatted(tag))
                .when().post("/api/v1/import")
                .then().statusCode(200).body("dryRun", equalTo(false)).body("people", equalTo(2));
        given().header("Authorization", ADMIN).queryParam("name", "Csv, Alice " + tag).when().get("/api/v1/people")
                .then().body("items[0].roles", contains("security-analyst", "technical-lead"))
                .body("items[0].reachable", equalTo(true))
                .body("items[0].channels.address", contains("alice." + tag + "@example.com", "+447700900201"));

        String tag2 = UUID.randomUUID().toString().substring(0, 8);
        String bad = header
                + "c1,Csv Carol %1$s,Security,Europe/London,security-analyst,,2,carol@example.com,+447700900202,true\n"
                + "d1,Csv Dan %1$s,Security,Mars/Base,,,high,dan@example,+447700900203,maybe\n"
                + "\n"
                + "e1,Csv Eve %1$s,Security,UTC,no-such-role,,2,eve@example.com,447700900204,true\n"
                + "f1,too,few\n";
        given().header("Authorization", ADMIN).contentType("text/csv").body(bad.formatted(tag2))
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("line 3: channelsVerified", "line 3: escalationLevel", "line 6"));
        String wellFormed = bad.replace(",high,", ",2,").replace(",maybe", ",true").replace("f1,too,few\n", "");
        given().header("Authorization", ADMIN).contentType("text/csv").body(wellFormed.formatted(tag2))
                .when().post("/api/v1/import")
                .then().statusCode(400)
                .body("errors.field", contains("line 3: email", "line 3: timeZone", "line 5: roles[0]",
                        "line 5: sms"));
        assertThat(peopleNamed(tag2)).isZero();

        given().header("Authorization", ADMIN).contentType("text/csv").body("ref,displayName,shoeSize\nx,y,42\n")
                .when().post("/api/v1/import")
                .then().statusCode(400)
                .body("errors.field", hasItems("line 1: shoeSize", "line 1: timeZone", "line 1: escalationLevel"));
    }

    @Test
    void onlyAdminsImport() {
        String body = "{\"people\":[]}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/import").then().statusCode(401);
        for (String role : List.of(Roles.VIEWER, Roles.RESPONDER, Roles.INTEGRATION)) {
            given().header("Authorization", Tokens.bearer(role)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/import").then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/import").then().statusCode(400).body("errors.field", hasItems("people"));
    }

    @Test
    void anImportThatHoldsNothingIsRefused() {
        for (String empty : List.of("{}", "{\"people\":[],\"teams\":[]}")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(empty)
                    .when().post("/api/v1/import")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("people"));
        }
        given().header("Authorization", ADMIN).contentType("text/csv").body("displayName,timeZone,escalationLevel\n")
                .when().post("/api/v1/import")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
