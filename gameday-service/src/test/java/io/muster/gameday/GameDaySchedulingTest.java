package io.muster.gameday;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.muster.contracts.Topics;
import io.muster.contracts.gameday.GameDayRunChanged;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.service.RunDispatcher;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GameDaySchedulingTest {

    static final String RANSOMWARE = "5f0c6f1e-0002-4c1a-9d1e-000000000002";

    @Inject
    TestClock clock;

    @Inject
    RunDispatcher dispatcher;

    @Inject
    EntityManager em;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void backToRealTime() {
        clock.useSystemTime();
    }

    static String gameDay(String startsAt, String recurrence) {
        return """
                {"scenarioId":"%s","title":"Ransomware drill %s","startsAt":"%s","timeZone":"Europe/London",%s
                 "mode":"LIVE","noticeMinutes":30,"timeLimitMinutes":45}
                """.formatted(RANSOMWARE, UUID.randomUUID(), startsAt, recurrence == null ? "" : recurrence + ",");
    }

    static String schedule(String body) {
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/gamedays").then().statusCode(201).extract().path("id");
    }

    private List<GameDayRun> runs(String gameDayId) {
        return QuarkusTransaction.requiringNew().call(() -> GameDayRun.<GameDayRun>list("gameDayId = ?1 order by dueAt",
                UUID.fromString(gameDayId)));
    }

    private List<LoggedRequest> raisesFor(UUID runId) {
        return EscalationStub.server().findAll(postRequestedFor(urlEqualTo("/api/v1/incidents"))
                .withRequestBody(matchingJsonPath("$.dedupKey", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("gameday-run-" + runId))));
    }

    /** Advances the clock to {@code at} and lets the dispatcher do what is due; returns the runs afterwards. */
    private List<GameDayRun> at(String instant, String gameDayId) {
        clock.set(Instant.parse(instant));
        dispatcher.dispatchDue();
        return runs(gameDayId);
    }

    @Test
    void aWeeklyLondonDrillFiresAtNineLocalBeforeAndAfterBothClockChanges() throws Exception {
        clock.set(Instant.parse("2026-03-20T12:00:00Z"));
        String id = schedule(gameDay("2026-03-22T09:00", "\"rrule\":\"FREQ=WEEKLY;BYDAY=SU\""));
        assertThat(runs(id)).extracting(r -> r.dueAt.toString()).containsExactly("2026-03-22T09:00:00Z");

        assertThat(at("2026-03-22T08:59:59Z", id)).extracting(r -> r.status.name()).containsExactly("SCHEDULED");
        List<GameDayRun> afterFirst = at("2026-03-22T09:00:00Z", id);
        assertThat(afterFirst).extracting(r -> r.dueAt + " " + r.status).containsExactly(
                "2026-03-22T09:00:00Z RUNNING", "2026-03-29T08:00:00Z SCHEDULED");
        // The first run reaches its 45-minute limit and the drill incident is resolved.
        List<GameDayRun> afterLimit = at("2026-03-22T09:45:00Z", id);
        assertThat(afterLimit.get(0).status.name()).isEqualTo("COMPLETED");
        assertThat(afterLimit.get(0).endReason).isEqualTo("TIME_LIMIT");
        assertThat(EscalationStub.server().findAll(postRequestedFor(urlEqualTo(
                "/api/v1/incidents/" + afterLimit.get(0).incidentId + "/resolve")))).hasSize(1);

        // 09:00 BST on 29 March is 08:00 UTC: an hour early by UTC, on time by the wall clock.
        assertThat(at("2026-03-29T07:59:59Z", id).get(1).status.name()).isEqualTo("SCHEDULED");
        assertThat(at("2026-03-29T08:00:00Z", id)).extracting(r -> r.dueAt + " " + r.status).containsExactly(
                "2026-03-22T09:00:00Z COMPLETED", "2026-03-29T08:00:00Z RUNNING", "2026-04-05T08:00:00Z SCHEDULED");

        // Autumn: the week of 25 October goes back to GMT, so 09:00 local is 09:00 UTC again.
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/gamedays/" + id)
                .then().statusCode(200);
        clock.set(Instant.parse("2026-10-19T12:00:00Z"));
        String autumn = schedule(gameDay("2026-10-18T09:00", "\"rrule\":\"FREQ=WEEKLY;BYDAY=SU\""));
        assertThat(runs(autumn)).extracting(r -> r.dueAt.toString()).containsExactly("2026-10-25T09:00:00Z");
        assertThat(at("2026-10-25T08:00:00Z", autumn).get(0).status.name()).isEqualTo("SCHEDULED");
        GameDayRun fired = at("2026-10-25T09:00:00Z", autumn).get(0);
        assertThat(fired.status.name()).isEqualTo("RUNNING");

        JsonNode raised = json.readTree(raisesFor(fired.id).get(0).getBodyAsString());
        assertThat(raised.get("drill").asBoolean()).isTrue();
        assertThat(raised.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(raised.get("incidentType").asText()).isEqualTo("ransomware");
        assertThat(raised.get("source").asText()).isEqualTo("gameday");
        assertThat(raised.get("title").asText()).startsWith("Ransomware drill").doesNotContain("[DRILL]");
        // Without roles of its own a game day engages the scenario's expected roles.
        assertThat(raised.get("requiredRoles").toString()).isEqualTo("[\"incident-commander\",\"technical-lead\","
                + "\"security-analyst\",\"communications-lead\",\"legal-counsel\"]");
        // The service identity's token from the client-credentials grant (EscalationStub's token endpoint).
        assertThat(raisesFor(fired.id).get(0).getHeader("Authorization")).matches("Bearer gameday-[A-Za-z0-9]{16}");

        List<GameDayRunChanged.RunStatus> published = KafkaEvents.all(Topics.GAMEDAY,
                e -> e.key().equals(fired.id.toString()), 2, Duration.ofSeconds(30)).stream()
                .map(e -> e.payloadAs(GameDayRunChanged.class).status()).toList();
        assertThat(published).containsExactly(GameDayRunChanged.RunStatus.SCHEDULED,
                GameDayRunChanged.RunStatus.RUNNING);
    }

    @Test
    void aRunHeldByACrashedDispatcherIsNeitherSkippedNorDoubled() throws Exception {
        clock.set(Instant.parse("2027-02-01T10:00:00Z"));
        String id = schedule(gameDay("2027-02-03T09:30", "\"cron\":\"30 9 * * 3\""));
        UUID runId = runs(id).get(0).id;
        clock.set(Instant.parse("2027-02-03T09:30:05Z"));

        // Another replica claims the run and dies before committing: its row lock is held, then released.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch crash = new CountDownLatch(1);
        CompletableFuture<Void> crashed = CompletableFuture.runAsync(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("SELECT id FROM game_day_run WHERE id = ?1 FOR UPDATE")
                            .setParameter(1, runId).getResultList();
                    locked.countDown();
                    try {
                        crash.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("replica crashed mid-run");
                });
            } catch (IllegalStateException expected) {
                // rolled back, as a dead process's transaction would be
            }
        });
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        dispatcher.dispatchDue();
        assertThat(runs(id).get(0).status.name()).isEqualTo("SCHEDULED");
        assertThat(raisesFor(runId)).isEmpty();

        crash.countDown();
        crashed.get(30, TimeUnit.SECONDS);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(runs(id)).extracting(r -> r.dueAt + " " + r.status).containsExactly(
                "2027-02-03T09:30:00Z RUNNING", "2027-02-10T09:30:00Z SCHEDULED");
        assertThat(raisesFor(runId)).hasSize(1);

        // A dispatcher that was down across a due time (a restart) picks the run up late rather than skipping it.
        clock.set(Instant.parse("2027-02-10T11:00:00Z"));
        dispatcher.dispatchDue();
        assertThat(runs(id)).extracting(r -> r.status.name()).containsExactly("COMPLETED", "RUNNING", "SCHEDULED");
    }

    @Test
    void theCalendarFeedIsRfc5545WithZonesFoldingAndNotice() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        String longTitle = "Quarterly ransomware rehearsal for the whole payments platform, all regions, with legal";
        String id = schedule(gameDay("2026-03-22T09:00", "\"rrule\":\"FREQ=WEEKLY;BYDAY=SU;COUNT=3\"")
                .replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"" + longTitle + "\""));
        String ics = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/gamedays/calendar.ics")
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:[DRILL] " + longTitle.replace(",", "\\,"));
        assertThat(unfolded).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n");
        assertThat(unfolded).contains("TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100");
        assertThat(unfolded).contains("DTSTART;TZID=Europe/London:20260322T090000",
                "DTSTART;TZID=Europe/London:20260329T090000", "DTSTART;TZID=Europe/London:20260405T090000");
        assertThat(unfolded).doesNotContain("DTSTART;TZID=Europe/London:20260412T090000");
        assertThat(unfolded).contains("DTEND;TZID=Europe/London:20260322T094500", "TRIGGER:-PT30M");
        assertThat(unfolded).contains("UID:" + id + "-");
        given().when().get("/api/v1/gamedays/calendar.ics").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).when().get("/api/v1/gamedays/calendar.ics")
                .then().statusCode(403);
    }

    @Test
    void badSchedulesAreRefusedNamingTheFieldAndWriteNothing() {
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));
        String admin = Tokens.bearer(Roles.ADMIN);
        long before = QuarkusTransaction.requiringNew().call(() -> GameDayRun.count());
        record Case(String body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case(gameDay("2026-07-01T09:00", null).replace("Europe/London", "Mars/Olympus"), 400, "timeZone"),
                new Case(gameDay("2026-07-01T09:00", "\"rrule\":\"FREQ=HOURLY\""), 400, "rrule"),
                new Case(gameDay("2026-07-01T09:00", "\"cron\":\"61 9 * * *\""), 400, "cron"),
                new Case(gameDay("2026-07-01T09:00", "\"cron\":\"0 9 * * *\",\"rrule\":\"FREQ=DAILY\""), 400, "rrule"),
                new Case(gameDay("2026-05-01T09:00", null), 400, "startsAt"),
                new Case(gameDay("2026-07-01T09:00", null).replace(RANSOMWARE, UUID.randomUUID().toString()), 422,
                        "scenarioId"),
                new Case(gameDay("2026-07-01T09:00", null).replace("\"LIVE\"", "\"LOUD\""), 400, "mode"),
                new Case(gameDay("2026-07-01T09:00", "\"faults\":{\"unavailableRoles\":[\"chef\"]}"), 400,
                        "faults.unavailableRoles[0]"),
                new Case(gameDay("2026-07-01T09:00", "\"faults\":{\"downChannels\":[\"PIGEON\"]}"), 400,
                        "faults.downChannels[0]"),
                new Case(gameDay("2026-07-01T09:00", null).replace("\"timeLimitMinutes\":45",
                        "\"timeLimitMinutes\":0"), 400, "timeLimitMinutes"));
        for (Case c : cases) {
            given().header("Authorization", admin).contentType(ContentType.JSON).body(c.body())
                    .when().post("/api/v1/gamedays")
                    .then().statusCode(c.status()).contentType("application/problem+json")
                    .body("errors.field", contains(c.field()));
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> GameDayRun.count())).isEqualTo(before);
        String body = gameDay("2026-07-01T09:00", null);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/gamedays").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/gamedays").then().statusCode(403);
        String id = schedule(body);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/gamedays/" + id)
                .then().statusCode(200).body("recurrenceKind", equalTo("ONCE"))
                .body("roles", contains("incident-commander", "technical-lead", "security-analyst",
                        "communications-lead", "legal-counsel"))
                .body("runs.dueAt", contains("2026-07-01T08:00:00Z"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().delete("/api/v1/gamedays/" + id)
                .then().statusCode(403);
        given().header("Authorization", admin).when().delete("/api/v1/gamedays/" + id)
                .then().statusCode(200).body("runs.status", contains("CANCELLED"));
        given().header("Authorization", admin).when().get("/api/v1/gamedays/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void whenEscalationRefusesTheRaiseTheRunFailsAndTheNextOneIsStillScheduled() {
        EscalationStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                urlEqualTo("/api/v1/incidents")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Escalation down drill"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        clock.set(Instant.parse("2027-05-01T00:00:00Z"));
        String id = schedule(gameDay("2027-05-03T10:00", "\"rrule\":\"FREQ=DAILY;COUNT=2\"")
                .replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"Escalation down drill\""));
        List<GameDayRun> after = at("2027-05-03T09:00:00Z", id);
        assertThat(after).extracting(r -> r.dueAt + " " + r.status).containsExactly(
                "2027-05-03T09:00:00Z FAILED", "2027-05-04T09:00:00Z SCHEDULED");
        assertThat(after.get(0).endReason).contains("503");
        assertThat(after.get(0).incidentId).isNull();
        UUID failed = after.get(0).id;
        assertThat(KafkaEvents.all(Topics.GAMEDAY, e -> e.key().equals(failed.toString()), 2, Duration.ofSeconds(30))
                .stream().map(e -> e.payloadAs(GameDayRunChanged.class).status()).toList())
                .containsExactly(GameDayRunChanged.RunStatus.SCHEDULED, GameDayRunChanged.RunStatus.FAILED);
        // COUNT=2: after the second occurrence nothing further is scheduled.
        assertThat(at("2027-05-04T09:00:00Z", id)).hasSize(2);
    }
}
