package io.muster.escalation.service;

import static io.muster.escalation.EscalationApi.engagements;
import static io.muster.escalation.EscalationApi.planWithPolicy;
import static io.muster.escalation.EscalationApi.raise;
import static io.muster.escalation.EscalationApi.stage;
import static io.muster.escalation.EscalationApi.timelineKinds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import io.muster.contracts.Topics;
import io.muster.contracts.pages.PageRequested;
import io.muster.escalation.MutableClock;
import io.muster.escalation.ReplicaFixtures;
import io.muster.escalation.domain.Engagement;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stakeholder updates: the cadence reminder and its re-arm, internal updates paged, external ones approved. */
@QuarkusTest
class StakeholderUpdatesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReminderPoller reminders;

    @Inject
    MutableClock clock;

    private static JsonPath updates(UUID incident) {
        return given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents/" + incident + "/updates")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String give(UUID incident, String body, String token, int status) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/incidents/" + incident + "/updates")
                .then().statusCode(status).extract().asString();
    }

    private static long dueReminders(UUID incident) {
        return timelineKinds(incident).stream().filter("stakeholder-update-due"::equals).count();
    }

    private static Instant nextDue(UUID incident) {
        String at = updates(incident).getString("nextUpdateDueAt");
        return at == null ? null : Instant.parse(at);
    }

    /** A CRITICAL plan of a fresh type whose policy informs {@code stakeholderRole}. */
    private static String criticalTypeInforming(String stakeholderRole) {
        UUID responder = ReplicaFixtures.contact("Update Responder", 7);
        return planWithPolicy("CRITICAL", 0, "[" + stage(600, responder) + "],\"stakeholders\":{\"roles\":[\""
                + stakeholderRole + "\"],\"contacts\":[]}", null);
    }

    @Test
    void theCommunicationsLeadIsRemindedWhenAnUpdateIsDueAndEachUpdateRearmsTheCadence() {
        UUID lead = ReplicaFixtures.contact("Casey Comms", 7);
        ReplicaFixtures.roster(StakeholderUpdates.COMMUNICATIONS_LEAD, lead);
        String type = criticalTypeInforming("board-" + UUID.randomUUID().toString().substring(0, 8));
        UUID incident = raise(type, "CRITICAL");
        Instant opened = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        await().atMost(WAIT).until(() -> nextDue(incident) != null);
        assertThat(updates(incident).getInt("updateCadenceMinutes")).isEqualTo(30);
        assertThat(Duration.between(opened, nextDue(incident)).toSeconds()).isEqualTo(30 * 60);

        clock.advance(Duration.ofMinutes(29));
        reminders.pollOnce();
        assertThat(dueReminders(incident)).isZero();
        clock.advance(Duration.ofMinutes(1));
        reminders.pollOnce();
        reminders.pollOnce();
        assertThat(dueReminders(incident)).as("30 min without an update: one reminder").isEqualTo(1);
        List<Engagement> reminderPages = engagements(incident).stream().filter(e -> e.track.equals("update-reminder"))
                .toList();
        assertThat(reminderPages).singleElement().satisfies(p -> {
            assertThat(p.contactId).isEqualTo(lead);
            assertThat(p.notifyOnly).isTrue();
        });
        UUID pageId = reminderPages.get(0).pageId;
        PageRequested page = KafkaEvents.first(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.pageId().equals(pageId), WAIT).orElseThrow()
                .payloadAs(PageRequested.class);
        assertThat(page.title()).isEqualTo("Stakeholder update due: Suspicious login burst");
        assertThat(updates(incident).getInt("remindersSent")).isEqualTo(1);

        give(incident, "{\"audience\":\"INTERNAL\",\"message\":\"Contained; forensics under way\"}",
                Tokens.bearer(Roles.RESPONDER), 201);
        Instant updated = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        assertThat(Duration.between(updated, nextDue(incident)).toSeconds()).as("re-armed from the update")
                .isEqualTo(30 * 60L);
        clock.advance(Duration.ofMinutes(29));
        reminders.pollOnce();
        assertThat(dueReminders(incident)).as("the update reset the cadence").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        reminders.pollOnce();
        assertThat(dueReminders(incident)).isEqualTo(2);

        // Down to LOW (no cadence): no reminder any more; up to HIGH: every 60 min from the last update.
        changeSeverity(incident, "LOW");
        await().atMost(WAIT).until(() -> nextDue(incident) == null);
        clock.advance(Duration.ofMinutes(90));
        reminders.pollOnce();
        assertThat(dueReminders(incident)).isEqualTo(2);
        changeSeverity(incident, "HIGH");
        await().atMost(WAIT).until(() -> nextDue(incident) != null);
        assertThat(Duration.between(updated, nextDue(incident)).toSeconds()).isEqualTo(60 * 60L);
        reminders.pollOnce();
        assertThat(dueReminders(incident)).as("overdue under the new cadence").isEqualTo(3);

        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(200);
        await().atMost(WAIT).until(() -> nextDue(incident) == null);
        clock.advance(Duration.ofHours(3));
        reminders.pollOnce();
        assertThat(dueReminders(incident)).as("no reminder after resolve").isEqualTo(3);
    }

    private static void changeSeverity(UUID incident, String severity) {
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body("{\"severity\":\"" + severity + "\"}")
                .when().put("/api/v1/incidents/" + incident + "/severity").then().statusCode(200);
    }

    @Test
    void anInternalUpdateIsPagedToThePlansStakeholdersWithTheMessageAsSummary() {
        String board = "board-" + UUID.randomUUID().toString().substring(0, 8);
        UUID member = ReplicaFixtures.contact("Bo Board", 7);
        ReplicaFixtures.roster(board, member);
        UUID incident = raise(criticalTypeInforming(board), "CRITICAL");
        String message = "Ransomware contained to one file server; restore from backup started";

        give(incident, "{\"audience\":\"INTERNAL\",\"message\":\"" + message + "\"}", Tokens.bearer(Roles.VIEWER),
                403);
        give(incident, "{\"audience\":\"INTERNAL\",\"message\":\"" + message + "\"}",
                Tokens.bearer(Roles.INTEGRATION), 403);
        give(incident, "{\"audience\":\"INTERNAL\",\"message\":\"" + message + "\"}", Tokens.bearer(Roles.RESPONDER),
                201);
        List<Engagement> sent = engagements(incident).stream().filter(e -> e.track.equals("stakeholder-update"))
                .toList();
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.contactId).isEqualTo(member);
            assertThat(e.notifyOnly).isTrue();
            assertThat(e.stage).isEqualTo(1);
        });
        PageRequested page = KafkaEvents.first(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.pageId().equals(sent.get(0).pageId), WAIT)
                .orElseThrow().payloadAs(PageRequested.class);
        assertThat(page.summary()).isEqualTo(message);
        assertThat(page.title()).isEqualTo("Update 1 on Suspicious login burst");
        assertThat(page.notifyOnly()).isTrue();

        JsonPath listed = updates(incident);
        assertThat(listed.getList("updates.message")).containsExactly(message);
        assertThat(listed.getInt("updates[0].pagesSent")).isEqualTo(1);
        assertThat(listed.getString("updates[0].givenBy")).isEqualTo("responder-user");
        assertThat(timelineKinds(incident)).contains("stakeholder-update");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .queryParams(Map.of("entityType", "stakeholder-update"))
                .when().get("/api/v1/audit").then().statusCode(200).body("after.message", hasItem(message));
    }

    @Test
    void anExternalStatementNamesAnApproverRoleOfThePublicRelationsPlanAndWhoApproved() {
        UUID incident = raise(criticalTypeInforming("board-x"), "CRITICAL");
        String responder = Tokens.bearer(Roles.RESPONDER);
        String statement = "\"audience\":\"EXTERNAL\",\"message\":\"We are investigating a security incident.\"";

        assertThat(give(incident, "{" + statement + "}", responder, 400)).contains("approvedByRole");
        assertThat(give(incident, "{" + statement + ",\"approvedByRole\":\"security-analyst\",\"approvedBy\":\"lee\"}",
                responder, 400)).contains("approvedByRole").contains("not one of");
        assertThat(give(incident, "{" + statement + ",\"approvedByRole\":\"legal-counsel\"}", responder, 400))
                .contains("approvedBy");
        assertThat(give(incident, "{" + statement + ",\"approvedByRole\":\"legal-counsel\",\"approvedBy\":\"a b\"}",
                responder, 400)).contains("approvedBy");
        assertThat(give(incident, "{\"audience\":\"PRESS\",\"message\":\"x\"}", responder, 400)).contains("audience");
        assertThat(give(incident, "{\"audience\":\"INTERNAL\",\"message\":\"" + "m".repeat(2001) + "\"}", responder,
                400)).contains("message");
        assertThat(updates(incident).getList("updates")).as("no refused update recorded").isEmpty();

        give(incident, "{" + statement + ",\"approvedByRole\":\"legal-counsel\",\"approvedBy\":\"lee@example.org\"}",
                responder, 201);
        JsonPath listed = updates(incident);
        assertThat(listed.getString("updates[0].audience")).isEqualTo("EXTERNAL");
        assertThat(listed.getString("updates[0].approvedBy")).isEqualTo("lee@example.org");
        assertThat(listed.getString("updates[0].approvedByRole")).isEqualTo("legal-counsel");
        assertThat(listed.getInt("updates[0].pagesSent")).isZero();
        assertThat(engagements(incident).stream().filter(e -> e.track.equals("stakeholder-update"))).isEmpty();
    }

    @Test
    void thePublicRelationsPlanIsReadByEveryoneWrittenByAdminsAuditedAndFollowedByExternalUpdates() {
        JsonPath seeded = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/public-relations-plan").then().statusCode(200).extract().jsonPath();
        assertThat(seeded.getString("spokespersonRole")).isEqualTo("communications-lead");
        assertThat(seeded.getList("approverRoles")).contains("legal-counsel");
        String original = "{\"spokespersonRole\":\"communications-lead\",\"approverRoles\":"
                + seeded.getList("approverRoles").stream().map(r -> "\"" + r + "\"").toList() + ",\"guidance\":"
                + quote(seeded.getString("guidance")) + ",\"holdingStatementTemplate\":"
                + quote(seeded.getString("holdingStatementTemplate")) + "}";
        String changed = "{\"spokespersonRole\":\"communications-lead\",\"approverRoles\":[\"ciso\"],"
                + "\"guidance\":\"Say what is known, never speculate.\",\"holdingStatementTemplate\":"
                + "\"We are aware of an incident affecting {service} and are investigating.\"}";
        String admin = "Bearer " + Tokens.token("pr-admin-" + UUID.randomUUID().toString().substring(0, 6),
                Roles.ADMIN);

        put(changed, Tokens.bearer(Roles.RESPONDER), 403);
        put(changed, Tokens.bearer(Roles.VIEWER), 403);
        assertThat(put(changed.replace("Say what", "x".repeat(10_001)), admin, 400)).contains("guidance");
        assertThat(put(changed.replace("\"ciso\"", "\"Not A Role\""), admin, 400)).contains("approverRoles");
        assertThat(put(changed.replace("We are aware", "y".repeat(4_001)), admin, 400))
                .contains("holdingStatementTemplate");
        try {
            put(changed, admin, 200);
            given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/public-relations-plan")
                    .then().statusCode(200).body("approverRoles", contains("ciso"));
            JsonPath trail = given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                    .queryParams(Map.of("entityType", "public-relations-plan"))
                    .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            assertThat(trail.getList("after.approverRoles")).contains(List.of("ciso"));

            UUID incident = raise(criticalTypeInforming("board-y"), "CRITICAL");
            String statement = "\"audience\":\"EXTERNAL\",\"message\":\"Holding statement\",\"approvedBy\":\"kim\"";
            give(incident, "{" + statement + ",\"approvedByRole\":\"legal-counsel\"}", Tokens.bearer(Roles.RESPONDER),
                    400);
            give(incident, "{" + statement + ",\"approvedByRole\":\"ciso\"}", Tokens.bearer(Roles.RESPONDER), 201);
        } finally {
            put(original, admin, 200);
        }
    }

    @Test
    void severityDefinitionsCarryAnUpdateCadenceOfFiveMinutesToADay() {
        JsonPath severities = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/severities").then().statusCode(200).extract().jsonPath();
        Map<String, Object> cadence = new java.util.HashMap<>();
        for (int i = 0; i < severities.getList("severity").size(); i++) {
            cadence.put(severities.getString("[" + i + "].severity"),
                    severities.get("[" + i + "].updateCadenceMinutes"));
        }
        assertThat(cadence).containsEntry("CRITICAL", 30).containsEntry("HIGH", 60).containsEntry("MEDIUM", null)
                .containsEntry("LOW", null);
        String body = "{\"name\":\"Low\",\"criteria\":\"c\",\"ackTargetSeconds\":3600,\"allChannelsAtOnce\":false,"
                + "\"bundlingExempt\":false,\"stakeholderRoles\":[],\"updateCadenceMinutes\":%d}";
        for (int bad : new int[] { 4, 1441 }) {
            given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                    .body(body.formatted(bad)).when().put("/api/v1/severities/LOW")
                    .then().statusCode(400).body("errors.field", hasItem("updateCadenceMinutes"));
        }
    }

    private static String put(String body, String token, int status) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/public-relations-plan").then().statusCode(status).extract().asString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
