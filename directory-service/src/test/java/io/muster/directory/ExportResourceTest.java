package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Imports a small organisation whose names all carry {@code tag}, with a role {@code r<tag>} escalated to its lead. */
    private static void importOrganisation(String tag) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"key\":\"r%s\",\"name\":\"Export role\",\"defaultEscalationLevel\":2,\"notificationPriority\":2}"
                        .formatted(tag))
                .when().post("/api/v1/roles").then().statusCode(201);
        String body = """
                {"people":[
                  {"ref":"lead","displayName":"Lead %1$s","department":"Security","timeZone":"Europe/Berlin",
                   "roles":["incident-commander"],"skills":["forensics"],"escalationLevel":1,"backupRef":"deputy",
                   "availability":"weekdays 08-18",
                   "channels":[{"type":"EMAIL","address":"lead-%1$s@example.com","preference":1,"verified":true},
                               {"type":"SMS","address":"+4915112345678","preference":2,"verified":true}]},
                  {"ref":"deputy","displayName":"Deputy %1$s","timeZone":"Europe/Berlin","managerRef":"lead",
                   "roles":["security-analyst"],"escalationLevel":2,
                   "channels":[{"type":"EMAIL","address":"deputy-%1$s@example.com","preference":1}]}],
                 "teams":[{"name":"Team %1$s","description":"export test","memberRefs":["lead","deputy"]}],
                 "rotations":[{"name":"Rotation %1$s","team":"Team %1$s","roleKey":"incident-commander",
                   "timeZone":"Europe/Berlin","handoffStart":"2026-11-02T09:00","shiftUnit":"WEEKS","shiftLength":1,
                   "memberRefs":["lead","deputy"]}],
                 "roles":[{"key":"r%1$s","escalationContactRef":"lead"}]}
                """.formatted(tag);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/import").then().statusCode(200).body("people", equalTo(2));
    }

    @Test
    void theJsonExportIsTheImportFormatAndImportsAgain() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        importOrganisation(tag);

        JsonNode export = JSON.readTree(given().header("Authorization", ADMIN).accept(ContentType.JSON)
                .when().get("/api/v1/export").then().statusCode(200).extract().asString());
        given().header("Authorization", ADMIN).queryParam("entityType", "directory").when().get("/api/v1/audit")
                .then().statusCode(200).body("action", hasItem("exported"));
        List<JsonNode> people = new ArrayList<>();
        export.path("people").forEach(p -> {
            if (p.path("displayName").asText().endsWith(tag)) {
                people.add(p);
            }
        });
        assertThat(people).extracting(p -> p.path("displayName").asText())
                .containsExactly("Deputy " + tag, "Lead " + tag);
        JsonNode deputy = people.get(0);
        JsonNode lead = people.get(1);
        assertThat(deputy.path("managerRef").asText()).isEqualTo(lead.path("ref").asText());
        assertThat(lead.path("backupRef").asText()).isEqualTo(deputy.path("ref").asText());
        assertThat(lead.path("channels")).extracting(c -> c.path("type").asText() + " " + c.path("address").asText()
                + " " + c.path("verified").asBoolean())
                .containsExactly("EMAIL lead-" + tag + "@example.com true", "SMS +4915112345678 true");
        assertThat(deputy.path("channels").get(0).path("verified").asBoolean()).as("never verified").isFalse();
        JsonNode team = null;
        for (JsonNode t : export.path("teams")) {
            if (t.path("name").asText().equals("Team " + tag)) {
                team = t;
            }
        }
        assertThat(team).isNotNull();
        Set<String> refs = Set.of(lead.path("ref").asText(), deputy.path("ref").asText());
        assertThat(team.path("memberRefs")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(refs);
        JsonNode rotation = null;
        for (JsonNode r : export.path("rotations")) {
            if (r.path("name").asText().equals("Rotation " + tag)) {
                rotation = r;
            }
        }
        assertThat(rotation).isNotNull();
        assertThat(rotation.path("team").asText()).isEqualTo("Team " + tag);
        assertThat(rotation.path("handoffStart").asText()).startsWith("2026-11-02T09:00");
        assertThat(rotation.path("memberRefs")).extracting(JsonNode::asText)
                .containsExactly(lead.path("ref").asText(), deputy.path("ref").asText());

        JsonNode role = null;
        for (JsonNode r : export.path("roles")) {
            if (r.path("key").asText().equals("r" + tag)) {
                role = r;
            }
        }
        assertThat(role).as("the role's escalation contact is exported").isNotNull();
        assertThat(role.path("escalationContactRef").asText()).isEqualTo(lead.path("ref").asText());

        // Fed back to the import (names changed so they do not clash with the originals), it is accepted whole.
        ObjectNode again = JSON.createObjectNode();
        ArrayNode againPeople = again.putArray("people");
        people.forEach(againPeople::add);
        ((ObjectNode) team).put("name", "Copy " + tag);
        again.putArray("teams").add(team);
        ((ObjectNode) rotation).put("name", "Copy rotation " + tag).put("team", "Copy " + tag);
        again.putArray("rotations").add(rotation);
        again.putArray("roles").add(role);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).queryParam("dryRun", true)
                .body(JSON.writeValueAsString(again))
                .when().post("/api/v1/import")
                .then().statusCode(200).body("people", equalTo(2)).body("channels", equalTo(3))
                .body("teams", equalTo(1)).body("rotations", equalTo(1)).body("roles", equalTo(1));
    }

    @Test
    void theCsvExportHasTheImportColumnsAndImportsAgain() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        importOrganisation(tag);
        String csv = given().header("Authorization", ADMIN).accept("text/csv")
                .when().get("/api/v1/export").then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("ref,displayName,department,timeZone,roles,skills,certifications,"
                + "escalationLevel,availability,managerRef,backupRef,lastReviewedAt,active,email,sms,voice,webhook,"
                + "channelsVerified");
        List<String> ours = lines.stream().filter(l -> l.contains(tag)).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours).anySatisfy(l -> assertThat(l)
                .contains(",Lead " + tag + ",Security,Europe/Berlin,incident-commander,forensics,,1,weekdays 08-18,")
                .contains(",lead-" + tag + "@example.com,+4915112345678,,,true"));
        // Only our two rows (and no managers or backups outside them) go back in, as a dry run.
        String lead = ours.stream().filter(l -> l.contains("Lead ")).findFirst().orElseThrow().split(",")[0];
        String deputy = ours.stream().filter(l -> l.contains("Deputy ")).findFirst().orElseThrow().split(",")[0];
        assertThat(ours).allSatisfy(l -> assertThat(Set.of(lead, deputy)).contains(l.split(",")[0]));
        given().header("Authorization", ADMIN).contentType("text/csv").queryParam("dryRun", true)
                .body(lines.get(0) + "\n" + ours.stream().collect(Collectors.joining("\n")))
                .when().post("/api/v1/import")
                .then().statusCode(200).body("people", equalTo(2)).body("channels", equalTo(3));
    }

    @Test
    void onlyAdminsMayExportEveryContactDetail() {
        given().when().get("/api/v1/export").then().statusCode(401);
        for (String role : List.of(Roles.VIEWER, Roles.RESPONDER, Roles.INTEGRATION)) {
            given().header("Authorization", Tokens.bearer(role)).when().get("/api/v1/export")
                    .then().statusCode(403);
        }
    }
}
