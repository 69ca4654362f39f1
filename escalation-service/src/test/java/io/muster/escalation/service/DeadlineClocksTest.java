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

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentReclassified;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deadline clocks on a moved clock: a 72 h regulator clock reminds its owning role at 36 h, 64.8 h and 72 h, once
 * each, and not after the notification is recorded; reclassification starts one; drills get drill reminders.
 */
@QuarkusTest
class DeadlineClocksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ICO = "Information Commissioner's Office";

    @Inject
    ReminderPoller reminders;

    @Inject
    MutableClock clock;

    /** A fresh owning role answered by one person, an incident type a 72 h regulator must hear about. */
    private record Setup(String role, UUID owner, String type, UUID party) {
    }

    private static Setup regulatorFor72Hours() {
        String role = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
        UUID owner = ReplicaFixtures.contact("Dana Privacy", 7);
        ReplicaFixtures.roster(role, owner);
        UUID responder = ReplicaFixtures.contact("Clock Responder", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(600, responder) + "]", null);
        UUID party = ReplicaFixtures.externalParty(ICO, role, 72, type);
        return new Setup(role, owner, type, party);
    }

    private static JsonPath clocks(UUID incident) {
        return given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents/" + incident + "/clocks")
                .then().statusCode(200).extract().jsonPath();
    }

    private static UUID awaitClock(UUID incident) {
        await().atMost(WAIT).until(() -> !clocks(incident).getList("id").isEmpty());
        return UUID.fromString(clocks(incident).getString("[0].id"));
    }

    private static long reminderCount(UUID incident) {
        return timelineKinds(incident).stream().filter("deadline-reminder"::equals).count();
    }

    private static List<Engagement> reminderPages(UUID incident) {
        return engagements(incident).stream().filter(e -> e.track.startsWith(DeadlineClocks.TRACK)).toList();
    }

    private static String notify(UUID incident, UUID clockId, String body, String token, int status) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/incidents/" + incident + "/clocks/" + clockId + "/notification")
                .then().statusCode(status).extract().asString();
    }

    @Test
    void aSeventyTwoHourRegulatorClockRemindsAtHalfNinetyPercentAndTheDeadlineOnceEach() {
        Setup s = regulatorFor72Hours();
        UUID incident = raise(s.type(), "HIGH");
        Instant opened = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID clockId = awaitClock(incident);
        JsonPath started = clocks(incident);
        assertThat(started.getString("[0].organisation")).isEqualTo(ICO);
        assertThat(started.getString("[0].owningRole")).isEqualTo(s.role());
        assertThat(Instant.parse(started.getString("[0].startedAt"))).isEqualTo(opened);
        assertThat(Instant.parse(started.getString("[0].dueAt"))).isEqualTo(opened.plus(Duration.ofHours(72)));
        assertThat(started.getString("[0].state")).isEqualTo("RUNNING");
        assertThat(started.getLong("[0].secondsLeft")).isBetween(72 * 3600L - 1, 72 * 3600L);
        assertThat(timelineKinds(incident)).contains("deadline-clock-started");

        clock.advance(Duration.ofHours(36).minusMinutes(1));
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("35 h 59 min: nothing yet").isZero();

        clock.advance(Duration.ofMinutes(1));
        reminders.pollOnce();
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("36 h: the half-way reminder, once").isEqualTo(1);
        assertThat(reminderPages(incident)).singleElement().satisfies(p -> {
            assertThat(p.contactId).isEqualTo(s.owner());
            assertThat(p.notifyOnly).isTrue();
            assertThat(p.roleKey).isEqualTo(s.role());
        });
        UUID firstPage = reminderPages(incident).get(0).pageId;
        PageRequested page = KafkaEvents.first(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.pageId().equals(firstPage), WAIT)
                .orElseThrow().payloadAs(PageRequested.class);
        assertThat(page.title()).startsWith("Notify " + ICO + " by ").contains("UTC (36 h left): Suspicious login burst");
        assertThat(page.notifyOnly()).isTrue();
        assertThat(page.drill()).isFalse();
        assertThat(clocks(incident).getString("[0].state")).isEqualTo("RUNNING");

        // 64.8 h = 90% of 72 h.
        clock.advance(Duration.ofMinutes(72 * 60 * 9 / 10 - 36 * 60).minusMinutes(1));
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("just before 64.8 h").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        reminders.pollOnce();
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("64.8 h: the 90%% reminder, once").isEqualTo(2);
        assertThat(clocks(incident).getString("[0].state")).isEqualTo("DUE_SOON");
        assertThat(titles(incident)).anyMatch(t -> t.contains("(7 h 12 min left)"));

        clock.advance(Duration.ofHours(7).plusMinutes(12).minusSeconds(1));
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("a second before the deadline").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        reminders.pollOnce();
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("72 h: overdue, once").isEqualTo(3);
        assertThat(clocks(incident).getString("[0].state")).isEqualTo("OVERDUE");
        assertThat(titles(incident)).anyMatch(t -> t.contains("(deadline passed)"));
        assertThat(reminderPages(incident)).hasSize(3).allMatch(p -> p.contactId.equals(s.owner()));

        clock.advance(Duration.ofDays(3));
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("no threshold after the deadline").isEqualTo(3);

        notify(incident, clockId, "{\"reference\":\"ICO case 12345\"}", Tokens.bearer(Roles.RESPONDER), 200);
        JsonPath notified = clocks(incident);
        assertThat(notified.getString("[0].state")).isEqualTo("NOTIFIED");
        assertThat(notified.getString("[0].reference")).isEqualTo("ICO case 12345");
        assertThat(notified.getString("[0].notifiedBy")).isEqualTo("responder-user");
        assertThat(timelineKinds(incident)).contains("external-party-notified");
    }

    private static List<String> titles(UUID incident) {
        List<UUID> ids = reminderPages(incident).stream().map(p -> p.pageId).toList();
        return KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && ids.contains(p.pageId()), ids.size(), WAIT).stream()
                .map(e -> e.payloadAs(PageRequested.class).title()).toList();
    }

    @Test
    void recordingTheNotificationStopsTheRemindersEvenAfterResolve() {
        Setup s = regulatorFor72Hours();
        UUID incident = raise(s.type(), "HIGH");
        UUID clockId = awaitClock(incident);
        clock.advance(Duration.ofHours(36));
        reminders.pollOnce();
        assertThat(reminderCount(incident)).isEqualTo(1);

        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        String at = clock.instant().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MICROS).toString();
        // The integration that raised the incident may record it too.
        notify(incident, clockId, "{\"reference\":\"ICO case 777\",\"notifiedAt\":\"" + at + "\"}",
                Tokens.bearer(Roles.INTEGRATION), 200);
        JsonPath notified = clocks(incident);
        assertThat(notified.getString("[0].notifiedAt")).isEqualTo(at);
        assertThat(notified.getString("[0].nextReminderAt")).isNull();

        clock.advance(Duration.ofHours(40));
        reminders.pollOnce();
        assertThat(reminderCount(incident)).as("no reminder after the notification is recorded").isEqualTo(1);
        assertThat(reminderPages(incident)).hasSize(1);

        JsonPath trail = given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .queryParams(Map.of("entityType", "deadline-clock", "entityId", clockId.toString()))
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("action")).containsExactly("notified");
        assertThat(trail.getString("[0].after.reference")).isEqualTo("ICO case 777");
        assertThat(trail.getString("[0].before.state")).isEqualTo("RUNNING");
    }

    @Test
    void aRegulatorClockKeepsRemindingAfterTheIncidentIsResolved() {
        Setup s = regulatorFor72Hours();
        UUID incident = raise(s.type(), "HIGH");
        awaitClock(incident);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(200);
        clock.advance(Duration.ofHours(36));
        reminders.pollOnce();
        assertThat(reminderCount(incident)).isEqualTo(1);
    }

    @Test
    void reclassificationIntoAConcerningTypeStartsAClockFromTheReclassificationOnce() {
        Setup s = regulatorFor72Hours();
        UUID other = ReplicaFixtures.contact("Other Responder", 7);
        String harmless = planWithPolicy("HIGH", 0, "[" + stage(600, other) + "]", null);
        UUID incident = raise(harmless, "HIGH");
        clock.advance(Duration.ofHours(2));
        assertThat(clocks(incident).getList("id")).isEmpty();

        Instant reclassified = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EventEnvelope event = EventEnvelope.of(new IncidentReclassified(incident, harmless, s.type(), List.of(),
                "tester", false), reclassified);
        KafkaEvents.republish(event);
        awaitClock(incident);
        JsonPath started = clocks(incident);
        assertThat(Instant.parse(started.getString("[0].startedAt"))).isEqualTo(reclassified);
        assertThat(Instant.parse(started.getString("[0].dueAt"))).isEqualTo(reclassified.plus(Duration.ofHours(72)));
        assertThat(started.getString("[0].incidentType")).isEqualTo(s.type());

        // Redelivered, and reclassified into the same type again later: still the one clock from the first time.
        KafkaEvents.republish(event);
        clock.advance(Duration.ofMinutes(5));
        KafkaEvents.republish(EventEnvelope.of(new IncidentReclassified(incident, s.type(), s.type(), List.of(),
                "tester", false), clock.instant()));
        await().atMost(WAIT).during(Duration.ofSeconds(2)).until(() -> clocks(incident).getList("id").size() == 1);
        assertThat(Instant.parse(clocks(incident).getString("[0].startedAt"))).isEqualTo(reclassified);
        assertThat(timelineKinds(incident).stream().filter("deadline-clock-started"::equals)).hasSize(1);

        // It shows on the incident and in responders.
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/incidents/" + incident)
                .then().statusCode(200).body("clocks.organisation", contains(ICO));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents/" + incident + "/responders")
                .then().statusCode(200).body("clocks.organisation", contains(ICO))
                .body("clocks.state", contains("RUNNING"));
    }

    @Test
    void aDrillGetsAClockAndItsRemindersAreDrillPages() {
        Setup s = regulatorFor72Hours();
        String id = given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).contentType(ContentType.JSON)
                .body("{\"title\":\"[DRILL] Personal data breach\",\"severity\":\"HIGH\",\"incidentType\":\""
                        + s.type() + "\",\"drill\":true}")
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        UUID incident = UUID.fromString(id);
        awaitClock(incident);
        assertThat(clocks(incident).getBoolean("[0].drill")).isTrue();
        clock.advance(Duration.ofHours(36));
        reminders.pollOnce();
        UUID pageId = reminderPages(incident).get(0).pageId;
        PageRequested page = KafkaEvents.first(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.pageId().equals(pageId), WAIT)
                .orElseThrow().payloadAs(PageRequested.class);
        assertThat(page.drill()).isTrue();
        assertThat(page.contactId()).isEqualTo(s.owner());
    }

    @Test
    void recordingANotificationChecksTheCallerAndTheInput() {
        Setup s = regulatorFor72Hours();
        UUID incident = raise(s.type(), "HIGH");
        UUID clockId = awaitClock(incident);
        String responder = Tokens.bearer(Roles.RESPONDER);

        notify(incident, clockId, "{\"reference\":\"x\"}", Tokens.bearer(Roles.VIEWER), 403);
        notify(incident, clockId, "{\"reference\":\"x\"}", "Bearer " + Tokens.token("another-siem",
                Roles.INTEGRATION), 403);
        assertThat(notify(incident, clockId, "{}", responder, 400)).contains("reference");
        assertThat(notify(incident, clockId, "{\"reference\":\"" + "r".repeat(201) + "\"}", responder, 400))
                .contains("reference");
        assertThat(notify(incident, clockId, "{\"reference\":\"x\",\"notifiedAt\":\""
                + clock.instant().plusSeconds(60) + "\"}", responder, 400)).contains("notifiedAt");
        assertThat(notify(incident, clockId, "{\"reference\":\"x\",\"notifiedAt\":\""
                + clock.instant().minus(Duration.ofDays(1)) + "\"}", responder, 400)).contains("notifiedAt");
        assertThat(notify(incident, clockId, "{\"reference\":\"x\",\"notifiedAt\":\"yesterday\"}", responder, 400))
                .contains("notifiedAt");
        notify(incident, UUID.randomUUID(), "{\"reference\":\"x\"}", responder, 404);
        notify(UUID.randomUUID(), clockId, "{\"reference\":\"x\"}", responder, 404);
        assertThat(clocks(incident).getString("[0].state")).as("nothing recorded by a refused call")
                .isEqualTo("RUNNING");

        notify(incident, clockId, "{\"reference\":\"ICO case 1\"}", responder, 200);
        assertThat(notify(incident, clockId, "{\"reference\":\"ICO case 2\"}", responder, 409)).contains("clockId");
        assertThat(clocks(incident).getString("[0].reference")).isEqualTo("ICO case 1");
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION))
                .when().get("/api/v1/incidents/" + incident + "/clocks").then().statusCode(403);
    }
}
