package io.muster.gameday;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.EventPayload;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.gameday.GameDayRunChanged;
import io.muster.contracts.incidents.AcknowledgementIgnored;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.gameday.domain.DrillObservation;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.service.RunDispatcher;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs driven end to end: the dispatcher raises the drill through the escalation stand-in, escalation's and
 * notification's events arrive on the real broker, the run ends and is scored. Each test has its own dates (in
 * 2025, before any other test's schedule) so that moving the clock starts nobody else's runs.
 */
@QuarkusTest
class DrillRunTest {

    static final String CREDENTIAL_COMPROMISE = "5f0c6f1e-0001-4c1a-9d1e-000000000001";
    static final String COMMANDER = "incident-commander";
    static final String ANALYST = "security-analyst";

    @Inject
    TestClock clock;

    @Inject
    RunDispatcher dispatcher;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void backToRealTime() {
        clock.useSystemTime();
    }

    /** Schedules a one-off game day at {@code start} (UTC) for the commander and analyst roles and starts it. */
    static GameDayRun startRun(TestClock clock, RunDispatcher dispatcher, Instant start, String mode,
            String faults) {
        clock.set(start.minusSeconds(86_400));
        String body = """
                {"scenarioId":"%s","title":"Credential drill %s","startsAt":"%s","timeZone":"UTC",
                 "roles":["%s","%s"],"mode":"%s","timeLimitMinutes":30%s}
                """.formatted(CREDENTIAL_COMPROMISE, UUID.randomUUID(), start.toString().replace("Z", ""),
                COMMANDER, ANALYST, mode, faults == null ? "" : ",\"faults\":" + faults);
        String gameDayId = given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/gamedays").then().statusCode(201).extract().path("id");
        clock.set(start);
        dispatcher.dispatchDue();
        GameDayRun run = QuarkusTransaction.requiringNew().call(() -> GameDayRun
                .<GameDayRun>find("gameDayId", UUID.fromString(gameDayId)).firstResult());
        assertThat(run.status.name()).isEqualTo("RUNNING");
        assertThat(run.incidentId).isNotNull();
        return run;
    }

    static GameDayRun reload(UUID runId) {
        return QuarkusTransaction.requiringNew().call(() -> GameDayRun.findById(runId));
    }

    /** Publishes an event as if it happened {@code seconds} after {@code start}. */
    static EventEnvelope at(Instant start, long seconds, EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of(payload, start.plusSeconds(seconds));
        KafkaEvents.republish(envelope);
        return envelope;
    }

    static long observed(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> DrillObservation.count("incidentId", incidentId));
    }

    static void awaitObserved(UUID incidentId, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> observed(incidentId) >= count);
        assertThat(observed(incidentId)).isEqualTo(count);
    }

    static JsonNode raiseOf(ObjectMapper json, UUID runId) throws Exception {
        List<LoggedRequest> raised = EscalationStub.server().findAll(postRequestedFor(urlEqualTo("/api/v1/incidents"))
                .withRequestBody(matchingJsonPath("$.dedupKey",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("gameday-run-" + runId))));
        assertThat(raised).hasSize(1);
        return json.readTree(raised.get(0).getBodyAsString());
    }

    static int resolvesOf(UUID incidentId) {
        return EscalationStub.server().findAll(postRequestedFor(urlEqualTo("/api/v1/incidents/" + incidentId
                + "/resolve"))).size();
    }

    static PageRequested page(UUID incident, UUID contact, String role, int stage, boolean silent) {
        return new PageRequested(UUID.randomUUID(), incident, contact, role, stage, 1, Severity.HIGH,
                "[DRILL] Credential drill", "exercise", true, silent, false, Set.of());
    }

    static PageStatusChanged status(PageRequested page, ChannelType channel, DeliveryStatus status, int attempt,
            String detail) {
        return new PageStatusChanged(page.pageId(), page.incidentId(), page.contactId(), channel, status, attempt,
                detail, true);
    }

    static PageAcknowledged ack(PageRequested page, AckMethod method) {
        return new PageAcknowledged(page.pageId(), page.incidentId(), page.contactId(), method, true);
    }

    @Test
    void aLiveRunEndsWhenEveryRoleHasAcknowledgedAndIsScored() throws Exception {
        Instant start = Instant.parse("2025-06-02T10:00:00Z");
        GameDayRun run = startRun(clock, dispatcher, start, "LIVE", null);
        UUID incident = run.incidentId;
        JsonNode raised = raiseOf(json, run.id);
        assertThat(raised.has("drillFaults")).isFalse();
        // The game day's roles go to escalation as roles to engage, whatever the response plan says.
        assertThat(raised.get("requiredRoles").toString())
                .isEqualTo("[\"" + COMMANDER + "\",\"" + ANALYST + "\"]");

        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        at(start, 1, new IncidentTriggered(incident, "[DRILL] Credential drill", Severity.HIGH,
                "credential-compromise", "gameday", "gameday-run-" + run.id, true));
        PageRequested commander = page(incident, alice, COMMANDER, 1, false);
        PageRequested analyst = page(incident, bob, ANALYST, 1, false);
        at(start, 2, commander);
        at(start, 2, analyst);
        at(start, 5, status(commander, ChannelType.SMS, DeliveryStatus.SENT, 1, null));
        at(start, 6, status(commander, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        at(start, 5, status(analyst, ChannelType.SMS, DeliveryStatus.FAILED, 1, "carrier rejected the number"));
        at(start, 8, status(analyst, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        EventEnvelope firstAck = at(start, 120, ack(commander, AckMethod.EMAIL_LINK));
        KafkaEvents.republish(firstAck);
        // Production traffic on the same topics is never followed.
        KafkaEvents.publish(new PageAcknowledged(UUID.randomUUID(), UUID.randomUUID(), alice, AckMethod.API, false));
        awaitObserved(incident, 8);
        clock.set(start.plusSeconds(121));
        dispatcher.dispatchDue();
        assertThat(reload(run.id).status.name()).isEqualTo("RUNNING");
        assertThat(reload(run.id).endReason).isNull();

        at(start, 400, ack(analyst, AckMethod.SMS_REPLY));
        await().atMost(Duration.ofSeconds(30)).until(() -> reload(run.id).endReason != null);
        GameDayRun done = reload(run.id);
        assertThat(done.endReason).isEqualTo("ALL_ROLES_ACKED");
        assertThat(done.endedAt).isEqualTo(start.plusSeconds(400));
        assertThat(resolvesOf(incident)).isZero();

        clock.set(start.plusSeconds(401));
        dispatcher.dispatchDue();
        GameDayRun completed = reload(run.id);
        assertThat(completed.status.name()).isEqualTo("COMPLETED");
        assertThat(completed.readinessScore).isEqualTo(95);
        assertThat(resolvesOf(incident)).isEqualTo(1);
        GameDayRunChanged announced = KafkaEvents.first(Topics.GAMEDAY, e -> e.key().equals(run.id.toString())
                && e.payloadAs(GameDayRunChanged.class).status() == GameDayRunChanged.RunStatus.COMPLETED,
                Duration.ofSeconds(30)).orElseThrow().payloadAs(GameDayRunChanged.class);
        assertThat(announced.readinessScore()).isEqualTo(95);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("endReason", equalTo("ALL_ROLES_ACKED"))
                .body("readinessScore", equalTo(95))
                .body("scorecard.times.firstPageRequested", equalTo(2))
                .body("scorecard.times.firstPageSent", equalTo(5))
                .body("scorecard.times.firstAck", equalTo(120))
                .body("scorecard.times.allRolesAcked", equalTo(400))
                .body("scorecard.times.targetFirstAck", equalTo(300))
                .body("scorecard.times.firstAckMet", equalTo(true))
                .body("scorecard.counts.pagesSent", equalTo(2))
                .body("scorecard.counts.channelFailures", equalTo(1))
                .body("scorecard.counts.acksAccepted", equalTo(2))
                .body("scorecard.roles.outcome", contains("ACKED", "ACKED"))
                .body("scorecard.roles.ackMethod", contains("EMAIL_LINK", "SMS_REPLY"))
                .body("scorecard.readiness.delivery", equalTo(0.75f))
                .body("scorecard.unreachable", org.hamcrest.Matchers.empty());

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/scenarios/" + CREDENTIAL_COMPROMISE + "/trend")
                .then().statusCode(200)
                .body("find { it.runId == '" + run.id + "' }.readinessScore", equalTo(95))
                .body("find { it.runId == '" + run.id + "' }.firstAck", equalTo(120))
                .body("find { it.runId == '" + run.id + "' }.allRolesAcked", equalTo(400));
    }

    @Test
    void anUnavailableRoleIgnoresItsAckAndTheEscalationIsShown() throws Exception {
        Instant start = Instant.parse("2025-06-09T10:00:00Z");
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID dave = UUID.randomUUID();
        UUID erin = UUID.randomUUID();
        GameDayRun run = startRun(clock, dispatcher, start, "LIVE", """
                {"unavailableContacts":["%s"],"unavailableRoles":["%s"],"downChannels":["SMS"]}"""
                .formatted(erin, COMMANDER));
        UUID incident = run.incidentId;
        JsonNode raised = raiseOf(json, run.id);
        assertThat(raised.get("drillFaults").toString()).isEqualTo(
                "{\"unavailableContacts\":[\"" + erin + "\"],\"unavailableRoles\":[\"" + COMMANDER
                        + "\"],\"downChannels\":[\"SMS\"]}");

        PageRequested commander = page(incident, alice, COMMANDER, 1, false);
        PageRequested analyst = page(incident, bob, ANALYST, 1, false);
        at(start, 1, commander);
        at(start, 1, analyst);
        at(start, 3, status(commander, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        at(start, 3, status(analyst, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        at(start, 60, ack(commander, AckMethod.EMAIL_LINK));
        // Escalation's verdicts on the two acks a fault makes it ignore, published after each ack as it does.
        at(start, 60, new AcknowledgementIgnored(incident, alice, COMMANDER, "alice",
                "unavailable role " + COMMANDER, true));
        at(start, 300, new IncidentEscalated(incident, 1, 2, 1, "ack timeout", true));
        PageRequested backup = page(incident, dave, ANALYST, 2, false);
        PageRequested away = page(incident, erin, ANALYST, 2, false);
        at(start, 301, backup);
        at(start, 301, away);
        at(start, 302, status(backup, ChannelType.SMS, DeliveryStatus.FAILED, 1, "drill: channel down"));
        at(start, 304, status(backup, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        at(start, 400, ack(away, AckMethod.API));
        at(start, 400, new AcknowledgementIgnored(incident, erin, "", "erin", "unavailable contact", true));
        awaitObserved(incident, 13);
        // alice's and erin's acks do not count: the run goes on.
        assertThat(reload(run.id).endReason).isNull();

        at(start, 420, ack(backup, AckMethod.EMAIL_LINK));
        await().atMost(Duration.ofSeconds(30)).until(() -> reload(run.id).endReason != null);
        assertThat(reload(run.id).endReason).isEqualTo("ALL_ROLES_ACKED");
        clock.set(start.plusSeconds(421));
        dispatcher.dispatchDue();
        assertThat(reload(run.id).readinessScore).isEqualTo(87);
        assertThat(resolvesOf(incident)).isEqualTo(1);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard")
                .then().statusCode(200)
                .body("scorecard.escalations.fromStage", contains(1))
                .body("scorecard.escalations.toStage", contains(2))
                .body("scorecard.escalations.at", contains(300))
                .body("scorecard.escalations.reason", contains("ack timeout"))
                .body("scorecard.roles.outcome", contains("UNAVAILABLE", "ACKED"))
                .body("scorecard.roles[1].ackedBy", equalTo(dave.toString()))
                .body("scorecard.timeline.findAll { it.type == 'PageAcknowledged' }.note",
                        contains("ignored: drill fault", "ignored: drill fault", null))
                .body("scorecard.channelFailures.downByFault", contains(true))
                .body("scorecard.unreachable.findAll { !it.drillFault }.contactId", contains(bob.toString()))
                .body("scorecard.readiness.unreachablePenalty", equalTo(5));
    }

    @Test
    void aSilentRunCountsNothingAsSentAndEndsAtItsTimeLimit() throws Exception {
        Instant start = Instant.parse("2025-06-16T10:00:00Z");
        GameDayRun run = startRun(clock, dispatcher, start, "SILENT", null);
        UUID incident = run.incidentId;
        assertThat(raiseOf(json, run.id).get("silent").asBoolean()).isTrue();

        PageRequested commander = page(incident, UUID.randomUUID(), COMMANDER, 1, true);
        PageRequested analyst = page(incident, UUID.randomUUID(), ANALYST, 1, true);
        at(start, 1, commander);
        at(start, 1, analyst);
        at(start, 1, status(commander, null, DeliveryStatus.SUPPRESSED, 0, "silent drill: recorded, not sent"));
        at(start, 1, status(analyst, null, DeliveryStatus.SUPPRESSED, 0, "silent drill: recorded, not sent"));
        awaitObserved(incident, 4);

        clock.set(start.plusSeconds(1799));
        dispatcher.dispatchDue();
        assertThat(reload(run.id).status.name()).isEqualTo("RUNNING");
        clock.set(start.plusSeconds(1800));
        dispatcher.dispatchDue();
        GameDayRun ended = reload(run.id);
        assertThat(ended.status.name()).isEqualTo("COMPLETED");
        assertThat(ended.endReason).isEqualTo("TIME_LIMIT");
        assertThat(ended.endedAt).isEqualTo(start.plusSeconds(1800));
        assertThat(resolvesOf(incident)).isEqualTo(1);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard")
                .then().statusCode(200)
                .body("mode", equalTo("SILENT"))
                .body("scorecard.counts.pagesRequested", equalTo(2))
                .body("scorecard.counts.pagesSuppressed", equalTo(2))
                .body("scorecard.counts.pagesSent", equalTo(0))
                .body("scorecard.counts.channelAttempts", equalTo(0))
                .body("scorecard.times.firstPageSent", nullValue())
                .body("scorecard.roles.outcome", contains("NOT_REACHED", "NOT_REACHED"))
                .body("scorecard.unreachable", org.hamcrest.Matchers.empty())
                // 0 roles, no ack, nothing delivered or failed, both roles paged: 20 + 10
                .body("readinessScore", equalTo(30));
    }

    @Test
    void acksThatOvertakeTheirPageRequestsStillEndTheRun() {
        Instant start = Instant.parse("2025-07-21T10:00:00Z");
        GameDayRun run = startRun(clock, dispatcher, start, "LIVE", null);
        PageRequested commander = page(run.incidentId, UUID.randomUUID(), COMMANDER, 1, false);
        PageRequested analyst = page(run.incidentId, UUID.randomUUID(), ANALYST, 1, false);
        // Acks and requests travel on different topics: here both acks are stored before either request.
        at(start, 30, ack(commander, AckMethod.API));
        at(start, 40, ack(analyst, AckMethod.API));
        awaitObserved(run.incidentId, 2);
        assertThat(reload(run.id).endReason).isNull();
        at(start, 1, commander);
        at(start, 1, analyst);
        await().atMost(Duration.ofSeconds(30)).until(() -> reload(run.id).endReason != null);
        assertThat(reload(run.id).endReason).isEqualTo("ALL_ROLES_ACKED");
        assertThat(reload(run.id).endedAt).isEqualTo(start.plusSeconds(40));
        clock.set(start.plusSeconds(41));
        dispatcher.dispatchDue();
        assertThat(reload(run.id).status.name()).isEqualTo("COMPLETED");
        assertThat(resolvesOf(run.incidentId)).isEqualTo(1);
    }

    @Test
    void acksPastTheTimeLimitLeaveItATimeLimitRun() {
        Instant start = Instant.parse("2025-07-28T10:00:00Z");
        GameDayRun run = startRun(clock, dispatcher, start, "LIVE", null);
        PageRequested commander = page(run.incidentId, UUID.randomUUID(), COMMANDER, 1, false);
        PageRequested analyst = page(run.incidentId, UUID.randomUUID(), ANALYST, 1, false);
        at(start, 1, commander);
        at(start, 1, analyst);
        at(start, 60, ack(commander, AckMethod.API));
        // The dispatcher has not got round to the 30-minute limit yet when the last role answers at 31 minutes.
        at(start, 1860, ack(analyst, AckMethod.API));
        awaitObserved(run.incidentId, 4);
        assertThat(reload(run.id).endReason).isNull();
        clock.set(start.plusSeconds(1900));
        dispatcher.dispatchDue();
        GameDayRun ended = reload(run.id);
        assertThat(ended.endReason).isEqualTo("TIME_LIMIT");
        assertThat(ended.endedAt).isEqualTo(start.plusSeconds(1800));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard")
                .then().statusCode(200)
                .body("scorecard.roles.outcome", contains("ACKED", "NOT_REACHED"))
                .body("scorecard.timeline.findAll { it.type == 'PageAcknowledged' }.note",
                        contains(null, "ignored: after the run ended"));
    }

    @Test
    void noticesBeforeARunAreListedAndBecomeDueAtTheirTime() {
        clock.set(Instant.parse("2025-08-01T00:00:00Z"));
        String body = """
                {"scenarioId":"%s","title":"Noticed drill","startsAt":"2025-08-04T09:00","timeZone":"UTC",
                 "mode":"LIVE","noticeMinutes":30}""".formatted(CREDENTIAL_COMPROMISE);
        String gameDayId = given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/gamedays").then().statusCode(201)
                .body("runs[0].noticeAt", equalTo("2025-08-04T08:30:00Z")).extract().path("id");
        String notice = "find { it.gameDayId == '" + gameDayId + "' }";
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/gamedays/notices")
                .then().statusCode(200).body(notice + ".noticeAt", equalTo("2025-08-04T08:30:00Z"))
                .body(notice + ".dueAt", equalTo("2025-08-04T09:00:00Z")).body(notice + ".due", equalTo(false));
        clock.set(Instant.parse("2025-08-04T08:30:00Z"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/gamedays/notices")
                .then().statusCode(200).body(notice + ".due", equalTo(true));
        given().when().get("/api/v1/gamedays/notices").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).when().get("/api/v1/gamedays/notices")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/gamedays/" + gameDayId)
                .then().statusCode(200);
    }

    @Test
    void scorecardAndTrendNeedAViewerAndAnExistingRun() {
        String random = UUID.randomUUID().toString();
        given().when().get("/api/v1/runs/" + random + "/scorecard").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.GAMEDAY))
                .when().get("/api/v1/runs/" + random + "/scorecard").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + random + "/scorecard").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/scenarios/" + CREDENTIAL_COMPROMISE + "/trend").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION))
                .when().get("/api/v1/scenarios/" + CREDENTIAL_COMPROMISE + "/trend").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/scenarios/" + random + "/trend").then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/not-a-uuid/scorecard").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
    }
}
