package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ReadinessSnapshot;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.contracts.plans.PlanDocumentStatus;
import io.muster.escalation.domain.Playbook;
import io.muster.escalation.domain.PlaybookStep;
import io.muster.escalation.service.PlanDocumentAssembler;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanDocumentTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Inject
    MutableClock clock;

    private String id;
    private String role;
    private String roleName;
    private String type;
    private String email;
    private String phone;

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role)).contentType(ContentType.JSON);
    }

    private static String document(String role, String format) {
        return as(role).queryParam("format", format).when().get("/api/v1/plan-document")
                .then().statusCode(200).contentType(format.equals("html") ? "text/html" : "text/markdown")
                .extract().asString();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A role (whose name is hostile markup), a person holding it, a plan requiring it, a playbook step it owns. */
    @BeforeEach
    void liveData() {
        id = UUID.randomUUID().toString().substring(0, 8);
        role = "pd-" + id;
        roleName = "Forensics " + SCRIPT + " " + id;
        email = "dana-" + id + "@example.org";
        phone = "+4915123" + String.format("%06d", Math.abs(id.hashCode()) % 1_000_000);
        UUID dana = ReplicaFixtures.person("Dana Plan " + id, phone, email, role);
        ReplicaFixtures.namedRoster(role, roleName, dana);
        type = EscalationApi.planWithPolicy("CRITICAL", 1, "[{\"roles\":[\"" + role + "\"]}]",
                "\"requiredRoles\":[\"" + role + "\"]");
        QuarkusTransaction.requiringNew().run(() -> {
            Playbook playbook = new Playbook();
            playbook.incidentType = type;
            playbook.name = "Playbook " + id;
            playbook.updatedAt = Instant.now();
            playbook.updatedBy = "test";
            playbook.persist();
            PlaybookStep step = new PlaybookStep();
            step.incidentType = type;
            step.stepKey = "isolate-" + id;
            step.phase = IncidentPhase.CONTAIN;
            step.ordinal = 1;
            step.title = "Isolate host " + id;
            step.detail = "";
            step.ownerRole = role;
            step.link = "https://runbooks.example.org/isolate";
            step.persist();
        });
    }

    @Test
    void everySectionIsRenderedFromLiveDataWithTheRaciDerivedFromPlaybooksAndPlans() {
        ReplicaFixtures.externalPartyWithContacts("Regulator " + id, "REGULATOR", "breach-" + id + "@dpa.example",
                "+441632960123", 240, 72, role, type);
        ReplicaFixtures.readiness(new ReadinessSnapshot.Finding("PERSON_UNREACHABLE", "HIGH", "person",
                UUID.randomUUID().toString(), "Eve " + id, "Eve " + id + " has no verified channel",
                "verify a channel"));
        as(Roles.ADMIN).body("{\"text\":\"Our team " + id + " answers security incidents.\"}")
                .when().put("/api/v1/plan-document/overview").then().statusCode(200);
        as(Roles.ADMIN).body("{\"name\":\"Bridge " + id + "\",\"kind\":\"PHONE_BRIDGE\","
                + "\"howToJoin\":\"Dial +44 20 7946 0000, PIN " + id + "\",\"ownerRole\":\"" + role + "\"}")
                .when().post("/api/v1/plan-document/backup-channels").then().statusCode(201);

        String md = document(Roles.ADMIN, "markdown");
        for (String section : PlanDocumentAssembler.SECTION_IDS) {
            assertThat(md).contains("<a id=\"" + section + "\"></a>").contains("](#" + section + ")");
        }
        String escapedRole = "Forensics \\<script\\>alert(1)\\</script\\> " + id + " (" + role + ")";
        assertThat(md)
                .contains("Our team " + id + " answers security incidents.")
                // RACI: R in Contain (owns the playbook step), C elsewhere (required by the plan).
                .contains("| " + escapedRole + " | C | C | R | C | C | C |")
                // Communication plan: the stage, the required role, and who answers now with full channels.
                .contains("| " + type + " | policy " + type + " | stage 1 | " + escapedRole + " | 5 min |")
                .contains("| " + type + " | policy " + type + " | required | " + escapedRole + " | each on its own path |")
                .contains("| Dana Plan " + id + " | roster | SMS " + phone + ", EMAIL " + email + " |")
                .contains("| Bridge " + id + " | phone bridge | Dial +44 20 7946 0000, PIN " + id + " | "
                        + escapedRole + " | never tested |")
                .contains("| " + type + " | 1 | Isolate host " + id + " | " + escapedRole
                        + " | https://runbooks.example.org/isolate |")
                .contains("| CRITICAL | Critical |")
                .contains("| Regulator " + id + " | regulator | Duty officer, breach-" + id + "@dpa.example, +441632960123 "
                        + "| 4 h | 72 h | " + type + " | " + escapedRole + " (now: Dana Plan " + id + ") |")
                .contains("Spokesperson")
                .contains("| HIGH | person: Eve " + id + " | Eve " + id + " has no verified channel | verify a channel |")
                .doesNotContain(SCRIPT);

        String html = document(Roles.ADMIN, "html");
        assertThat(html).doesNotContain(SCRIPT).contains("Forensics &lt;script&gt;alert(1)&lt;/script&gt; " + id)
                .contains("<a href=\"#communication\">").contains("<section class=\"major\" id=\"open-gaps\">");
    }

    @Test
    void runningNotificationClocksOfRealIncidentsAreListedUntilTheNotificationIsRecorded() {
        ReplicaFixtures.externalParty("Regulator clock " + id, role, 72, type);
        UUID incident = EscalationApi.raise(type, "CRITICAL");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !as(Roles.VIEWER)
                .when().get("/api/v1/incidents/" + incident + "/clocks").then().statusCode(200).extract()
                .jsonPath().getList("id").isEmpty());
        String row = "| Suspicious login burst (" + type + ", triggered) | Regulator clock " + id + " | ";
        assertThat(document(Roles.VIEWER, "markdown")).contains("### Notification clocks running now").contains(row);

        String clockId = as(Roles.VIEWER).when().get("/api/v1/incidents/" + incident + "/clocks")
                .then().extract().path("[0].id");
        as(Roles.RESPONDER).body("{\"reference\":\"case " + id + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/clocks/" + clockId + "/notification")
                .then().statusCode(200);
        assertThat(document(Roles.VIEWER, "markdown")).doesNotContain(row);
    }

    @Test
    void viewersSeeContactDetailsMaskedAndRespondersInFull() {
        ReplicaFixtures.externalPartyWithContacts("Insurer " + id, "INSURER", "claims-" + id + "@insurer.example",
                "+15550100777", null, 24, role, "insurance-claim");
        as(Roles.ADMIN).body("{\"name\":\"Room " + id + "\",\"kind\":\"SECURE_MESSAGING\","
                + "\"howToJoin\":\"signal.group/#secret-" + id + "\"}")
                .when().post("/api/v1/plan-document/backup-channels").then().statusCode(201);
        String viewer = document(Roles.VIEWER, "markdown");
        String maskedPhone = phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
        assertThat(viewer).contains("Dana Plan " + id)
                .contains("SMS " + maskedPhone.replace("*", "\\*") + ", EMAIL d\\*\\*\\*@example.org")
                .contains("c\\*\\*\\*@insurer.example").contains("+15" + "\\*".repeat(7) + "77")
                .contains("(shown to responders and admins)")
                .doesNotContain(email).doesNotContain(phone).doesNotContain("secret-" + id)
                .doesNotContain("claims-" + id);
        assertThat(document(Roles.VIEWER, "html")).doesNotContain(email).doesNotContain("secret-" + id);
        assertThat(document(Roles.RESPONDER, "markdown")).contains(email).contains(phone).contains("secret-" + id);
        as(Roles.VIEWER).when().get("/api/v1/plan-document/backup-channels")
                .then().statusCode(200).body("find { it.name == 'Room " + id + "' }.howToJoin", equalTo("***"));
        as(Roles.RESPONDER).when().get("/api/v1/plan-document/backup-channels")
                .then().statusCode(200).body("find { it.name == 'Room " + id + "' }.howToJoin",
                        equalTo("signal.group/#secret-" + id));
    }

    @Test
    void theFormatComesFromTheQueryElseTheAcceptHeader() {
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).accept("text/markdown")
                .when().get("/api/v1/plan-document").then().statusCode(200).contentType("text/markdown")
                .body(startsWith("# Incident response plan"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).accept("text/html, text/markdown")
                .when().get("/api/v1/plan-document").then().statusCode(200).contentType("text/html")
                .body(startsWith("<!DOCTYPE html>"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/plan-document").then().statusCode(200).contentType("text/html");
        as(Roles.VIEWER).queryParam("format", "pdf").when().get("/api/v1/plan-document")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("format"));
        given().when().get("/api/v1/plan-document").then().statusCode(401);
    }

    @Test
    void publishingKeepsAnAuditedSnapshotSetsTheReviewDateAndAnnouncesTheStatus() {
        as(Roles.ADMIN).body("{\"reviewIntervalDays\":30}").when().put("/api/v1/plan-document/review")
                .then().statusCode(200).body("reviewIntervalDays", equalTo(30));
        as(Roles.ADMIN).body("{\"text\":\"Overview before " + id + "\"}")
                .when().put("/api/v1/plan-document/overview").then().statusCode(200);
        int first = as(Roles.ADMIN).body("{\"note\":\"first " + id + "\"}")
                .when().post("/api/v1/plan-document/versions")
                .then().statusCode(201).contentType("application/json")
                .body("approvedBy", equalTo("admin-user"))
                .body("note", equalTo("first " + id))
                .body("reviewDueOn", equalTo(today().plusDays(30).toString()))
                .extract().path("version");
        as(Roles.ADMIN).body("{\"text\":\"Overview after " + id + "\"}")
                .when().put("/api/v1/plan-document/overview").then().statusCode(200);
        int second = as(Roles.ADMIN).body("{\"note\":\"second\"}").when().post("/api/v1/plan-document/versions")
                .then().statusCode(201).extract().path("version");
        assertThat(second).isEqualTo(first + 1);

        as(Roles.VIEWER).when().get("/api/v1/plan-document/versions")
                .then().statusCode(200).body("version", hasItem(first)).body("[0].version", equalTo(second));
        String snapshot = as(Roles.RESPONDER).queryParam("format", "markdown")
                .when().get("/api/v1/plan-document/versions/" + first)
                .then().statusCode(200).contentType("text/markdown").extract().asString();
        assertThat(snapshot).contains("- **Version:** " + first + "\n").contains("- **Approved by:** admin-user\n")
                .contains("Overview before " + id).contains(email);
        assertThat(as(Roles.RESPONDER).when().get("/api/v1/plan-document/versions/" + first)
                .then().statusCode(200).contentType("text/html").extract().asString())
                .contains("<dt>Version</dt><dd>" + first + "</dd>");
        // Snapshots keep contact details in full: viewers read the live, masked document instead.
        as(Roles.VIEWER).when().get("/api/v1/plan-document/versions/" + first).then().statusCode(403);

        JsonPath diff = as(Roles.RESPONDER).queryParam("from", first).queryParam("to", second)
                .when().get("/api/v1/plan-document/versions/compare")
                .then().statusCode(200).extract().jsonPath();
        List<String> lines = diff.getList("hunks.lines.flatten()");
        assertThat(lines).contains("-Overview before " + id, "+Overview after " + id,
                "-- **Version:** " + first, "+- **Version:** " + second);
        assertThat(diff.getString("unified")).startsWith("--- plan-document v" + first + ".md\n+++ plan-document v"
                + second + ".md\n@@ ");
        assertThat(diff.getInt("added")).isEqualTo(diff.getInt("removed"));

        Optional<EventEnvelope> status = KafkaEvents.first(Topics.PLANS, e -> e.payload() instanceof PlanDocumentStatus s
                && Objects.equals(s.publishedVersion(), second), Duration.ofSeconds(20));
        assertThat(status).isPresent();
        PlanDocumentStatus published = (PlanDocumentStatus) status.get().payload();
        assertThat(published.approvedBy()).isEqualTo("admin-user");
        assertThat(published.reviewDueOn()).isEqualTo(today().plusDays(30));
        assertThat(status.get().key()).isEqualTo(PlanDocumentStatus.KEY);

        as(Roles.ADMIN).queryParam("entityType", "plan-document-version").queryParam("entityId", first)
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("action", contains("published")).body("[0].after.note", equalTo("first " + id));
        as(Roles.ADMIN).queryParam("entityType", "plan-document").queryParam("entityId", "plan-document")
                .when().get("/api/v1/audit").then().statusCode(200).body("action", hasItem("overview-updated"));
    }

    @Test
    void anExplicitReviewDateIsAnnouncedAndAPassedOneShowsAsAnOpenGap() {
        as(Roles.ADMIN).body("{\"note\":\"reviewed\"}").when().post("/api/v1/plan-document/versions")
                .then().statusCode(201);
        LocalDate due = today().plusDays(10);
        as(Roles.ADMIN).body("{\"reviewDueOn\":\"" + due + "\"}").when().put("/api/v1/plan-document/review")
                .then().statusCode(200).body("reviewDueOn", equalTo(due.toString())).body("overdue", equalTo(false));
        assertThat(KafkaEvents.first(Topics.PLANS, e -> e.payload() instanceof PlanDocumentStatus s
                && due.equals(s.reviewDueOn()), Duration.ofSeconds(20))).isPresent();
        assertThat(document(Roles.VIEWER, "markdown")).contains("- **Review due:** " + due + "\n")
                .doesNotContain("Plan review overdue");

        clock.advance(Duration.ofDays(11));
        try {
            as(Roles.VIEWER).when().get("/api/v1/plan-document/review").then().statusCode(200)
                    .body("overdue", equalTo(true));
            assertThat(document(Roles.VIEWER, "markdown")).contains("- **Review due:** " + due + " (OVERDUE)\n")
                    .contains("| HIGH | plan | Plan review overdue: it was due on " + due + ". |");
        } finally {
            clock.advance(Duration.ofDays(-11));
        }
    }

    @Test
    void backupChannelsAreKeptByAdminsAndTestedByResponders() {
        String channelId = as(Roles.ADMIN).body("{\"name\":\"Wire " + id + "\",\"kind\":\"SECURE_MESSAGING\","
                + "\"howToJoin\":\"wire room ir-" + id + "\"}")
                .when().post("/api/v1/plan-document/backup-channels")
                .then().statusCode(201).body("lastTestedAt", equalTo(null)).extract().path("id");
        as(Roles.RESPONDER).body("{\"name\":\"x\",\"kind\":\"OTHER\",\"howToJoin\":\"y\"}")
                .when().post("/api/v1/plan-document/backup-channels").then().statusCode(403);
        as(Roles.ADMIN).body("{\"name\":\"Wire " + id + "\",\"kind\":\"OTHER\",\"howToJoin\":\"z\"}")
                .when().post("/api/v1/plan-document/backup-channels").then().statusCode(409)
                .body("errors.field", contains("name"));
        as(Roles.ADMIN).body("{\"name\":\"Wire " + id + "\",\"kind\":\"SATELLITE_PHONE\","
                + "\"howToJoin\":\"Iridium +8816 " + id + "\",\"ownerRole\":\"" + role + "\"}")
                .when().put("/api/v1/plan-document/backup-channels/" + channelId)
                .then().statusCode(200).body("kind", equalTo("SATELLITE_PHONE"));
        as(Roles.VIEWER).when().post("/api/v1/plan-document/backup-channels/" + channelId + "/tested")
                .then().statusCode(403);
        as(Roles.RESPONDER).when().post("/api/v1/plan-document/backup-channels/" + channelId + "/tested")
                .then().statusCode(200).body("lastTestedBy", equalTo("responder-user"))
                .body("lastTestedAt", equalTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .toString()));
        assertThat(document(Roles.ADMIN, "markdown")).contains("| Wire " + id + " | satellite phone | Iridium +8816 "
                + id + " | ").contains(" | " + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        + " by responder-user |");
        as(Roles.ADMIN).queryParam("entityType", "backup-channel").queryParam("entityId", channelId)
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("action", contains("tested", "updated", "created"));
        as(Roles.ADMIN).when().delete("/api/v1/plan-document/backup-channels/" + channelId).then().statusCode(204);
        as(Roles.VIEWER).when().get("/api/v1/plan-document/backup-channels/" + channelId).then().statusCode(404);
        as(Roles.RESPONDER).when().post("/api/v1/plan-document/backup-channels/" + channelId + "/tested")
                .then().statusCode(404);
    }

    @Test
    void everyInputIsCheckedAndABadOneChangesNothing() {
        as(Roles.ADMIN).body("{\"text\":\"" + "x".repeat(20_001) + "\"}").when().put("/api/v1/plan-document/overview")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("text"));
        as(Roles.ADMIN).body("{}").when().put("/api/v1/plan-document/overview")
                .then().statusCode(400).body("errors.field", contains("text"));
        as(Roles.VIEWER).body("{\"text\":\"mine\"}").when().put("/api/v1/plan-document/overview")
                .then().statusCode(403);
        as(Roles.ADMIN).body("{}").when().put("/api/v1/plan-document/review")
                .then().statusCode(400).body("errors.field", contains("reviewDueOn"));
        as(Roles.ADMIN).body("{\"reviewIntervalDays\":0}").when().put("/api/v1/plan-document/review")
                .then().statusCode(400).body("errors.field", contains("reviewIntervalDays"));
        as(Roles.ADMIN).body("{\"reviewIntervalDays\":1096}").when().put("/api/v1/plan-document/review")
                .then().statusCode(400).body("errors.field", contains("reviewIntervalDays"));
        as(Roles.ADMIN).body("{\"reviewDueOn\":\"" + today().minusDays(1) + "\"}")
                .when().put("/api/v1/plan-document/review")
                .then().statusCode(400).body("errors.field", contains("reviewDueOn"));
        as(Roles.ADMIN).body("{\"reviewDueOn\":\"" + today().plusDays(1096) + "\"}")
                .when().put("/api/v1/plan-document/review")
                .then().statusCode(400).body("errors.field", contains("reviewDueOn"));
        as(Roles.ADMIN).body("{\"name\":\"\",\"kind\":\"OTHER\",\"howToJoin\":\"" + "y".repeat(2_001)
                + "\",\"ownerRole\":\"Not A Role\"}")
                .when().post("/api/v1/plan-document/backup-channels")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name",
                        "howToJoin", "ownerRole"));
        as(Roles.ADMIN).body("{\"name\":\"n\",\"kind\":\"CARRIER_PIGEON\",\"howToJoin\":\"y\"}")
                .when().post("/api/v1/plan-document/backup-channels")
                .then().statusCode(400).body("errors.field", contains("kind"));
        as(Roles.ADMIN).body("{\"note\":\"" + "n".repeat(2_001) + "\"}").when().post("/api/v1/plan-document/versions")
                .then().statusCode(400).body("errors.field", contains("note"));
        as(Roles.RESPONDER).body("{\"note\":\"n\"}").when().post("/api/v1/plan-document/versions")
                .then().statusCode(403);
        as(Roles.ADMIN).when().post("/api/v1/plan-document/versions").then().statusCode(400);
        as(Roles.ADMIN).body("{}").when().post("/api/v1/plan-document/versions")
                .then().statusCode(400).body("errors.field", contains("note"));
        as(Roles.RESPONDER).when().get("/api/v1/plan-document/versions/0").then().statusCode(400);
        as(Roles.RESPONDER).when().get("/api/v1/plan-document/versions/999999").then().statusCode(404);
        as(Roles.RESPONDER).queryParam("to", 1).when().get("/api/v1/plan-document/versions/compare")
                .then().statusCode(400).body("errors.field", contains("from"));
        as(Roles.RESPONDER).queryParam("from", 1).queryParam("to", 999_999)
                .when().get("/api/v1/plan-document/versions/compare").then().statusCode(404);
        as(Roles.RESPONDER).queryParam("format", "xml").when().get("/api/v1/plan-document/versions/1")
                .then().statusCode(400).body("errors.field", contains("format"));
        as(Roles.ADMIN).queryParam("entityType", "backup-channel").queryParam("actor", "admin-user")
                .when().get("/api/v1/audit").then().statusCode(200);
    }
}
