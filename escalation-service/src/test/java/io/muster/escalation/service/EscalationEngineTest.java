package io.muster.escalation.service;

import static io.muster.escalation.EscalationApi.engagements;
import static io.muster.escalation.EscalationApi.incident;
import static io.muster.escalation.EscalationApi.paged;
import static io.muster.escalation.EscalationApi.planWithPolicy;
import static io.muster.escalation.EscalationApi.raise;
import static io.muster.escalation.EscalationApi.stage;
import static io.muster.escalation.EscalationApi.timelineKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.escalation.MutableClock;
import io.muster.escalation.ReplicaFixtures;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.EscalationState;
import io.muster.escalation.domain.EscalationTimer;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EscalationEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TimerPoller poller;

    @Inject
    MutableClock clock;

    @Test
    void aStageThatIsNotAcknowledgedInTimeHandsOverToTheNext() {
        UUID first = ReplicaFixtures.contact("First Responder", 7);
        UUID second = ReplicaFixtures.contact("Second Responder", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(60, first) + "," + stage(60, second) + "]", null);
        UUID incident = raise(type, "HIGH");
        assertThat(paged(incident, 0, 0)).containsExactly(first);
        assertThat(paged(incident, 1, 0)).isEmpty();

        clock.advance(Duration.ofSeconds(59));
        poller.pollOnce();
        assertThat(paged(incident, 1, 0)).as("not due yet").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        poller.pollOnce();
        assertThat(paged(incident, 1, 0)).containsExactly(second);
        assertThat(incident(incident).currentStage).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        poller.pollOnce();
        assertThat(incident(incident).escalationState).isEqualTo(EscalationState.EXHAUSTED);
        assertThat(timelineKinds(incident)).containsSubsequence("triggered", "plan", "stage-paged",
                "stage-timed-out", "stage-paged", "stage-timed-out", "escalation-exhausted");

        // Both pages and the escalation went out through the outbox.
        List<EventEnvelope> pages = KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.incidentId().equals(incident), 2, WAIT);
        assertThat(pages).extracting(e -> e.payloadAs(PageRequested.class).contactId())
                .containsExactlyInAnyOrder(first, second);
        assertThat(pages).extracting(e -> e.payloadAs(PageRequested.class).stage()).containsExactlyInAnyOrder(1, 2);
        List<EventEnvelope> escalated = KafkaEvents.all(Topics.INCIDENTS,
                e -> e.payload() instanceof IncidentEscalated x && x.incidentId().equals(incident), 1, WAIT);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).payloadAs(IncidentEscalated.class).reason()).isEqualTo("timeout");
    }

    @Test
    void aSilentDrillRequestsItsPagesAsSilentAndOnlyDrillsMayBeSilent() {
        UUID responder = ReplicaFixtures.contact("Tabletop Player", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(60, responder) + "]", null);
        String body = "{\"title\":\"[DRILL] Tabletop\",\"severity\":\"HIGH\",\"incidentType\":\"" + type
                + "\",\"drill\":true,\"silent\":true}";
        String id = io.restassured.RestAssured.given()
                .header("Authorization", io.muster.testsupport.Tokens.bearer(io.muster.platform.security.Roles.GAMEDAY))
                .contentType(io.restassured.http.ContentType.JSON).body(body)
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        UUID incident = UUID.fromString(id);
        List<EventEnvelope> pages = KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.incidentId().equals(incident), 1, WAIT);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).payloadAs(PageRequested.class).silent()).isTrue();
        assertThat(pages.get(0).payloadAs(PageRequested.class).drill()).isTrue();

        io.restassured.RestAssured.given()
                .header("Authorization",
                        io.muster.testsupport.Tokens.bearer(io.muster.platform.security.Roles.RESPONDER))
                .contentType(io.restassured.http.ContentType.JSON).body(body.replace("\"drill\":true", "\"drill\":false"))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("silent"));
    }

    @Test
    void whenEveryPageOfAStageFailsEscalationMovesOnWithoutWaiting() {
        UUID a = ReplicaFixtures.contact("Unreachable A", 7);
        UUID b = ReplicaFixtures.contact("Unreachable B", 7);
        UUID c = ReplicaFixtures.contact("Reachable C", 7);
        String type = planWithPolicy("CRITICAL", 0, "[" + stage(600, a, b) + "," + stage(600, c) + "]", null);
        UUID incident = raise(type, "CRITICAL");
        List<Engagement> first = engagements(incident);
        assertThat(first).hasSize(2);

        failAllChannels(incident, first.get(0));
        await().atMost(WAIT).until(() -> timelineKinds(incident).contains("page-failed"));
        assertThat(paged(incident, 1, 0)).as("one of two still reachable").isEmpty();

        failAllChannels(incident, first.get(1));
        await().atMost(WAIT).until(() -> !paged(incident, 1, 0).isEmpty());
        assertThat(paged(incident, 1, 0)).containsExactly(c);
        // The old stage's timer, still in the table, must not move the incident again when it comes due.
        clock.advance(Duration.ofSeconds(601));
        poller.pollOnce();
        assertThat(engagements(incident)).hasSize(3);
        assertThat(timelineKinds(incident)).containsOnlyOnce("stage-timed-out");
    }

    @Test
    void anAcknowledgedPageStopsEscalation() {
        UUID first = ReplicaFixtures.contact("Quick Responder", 7);
        UUID second = ReplicaFixtures.contact("Never Needed", 7);
        String type = planWithPolicy("HIGH", 3, "[" + stage(60, first) + "," + stage(60, second) + "]", null);
        UUID incident = raise(type, "HIGH");
        Engagement page = engagements(incident).get(0);

        KafkaEvents.publish(new PageAcknowledged(page.pageId, incident, first, AckMethod.EMAIL_LINK, false));
        await().atMost(WAIT).until(() -> incident(incident).status == IncidentStatus.ACKNOWLEDGED);
        assertThat(incident(incident).escalationState).isEqualTo(EscalationState.STOPPED);

        clock.advance(Duration.ofHours(2));
        poller.pollOnce();
        assertThat(engagements(incident)).hasSize(1);
        assertThat(KafkaEvents.all(Topics.INCIDENTS, e -> e.key().equals(incident.toString())
                && e.type().equals("IncidentAcknowledged"), 1, WAIT)).hasSize(1);
    }

    @Test
    void thePolicyRepeatsItsStagesTheConfiguredNumberOfTimes() {
        UUID only = ReplicaFixtures.contact("Lone Responder", 7);
        String type = planWithPolicy("MEDIUM", 2, "[" + stage(60, only) + "]", null);
        UUID incident = raise(type, "MEDIUM");
        for (int pass = 1; pass <= 3; pass++) {
            clock.advance(Duration.ofSeconds(61));
            poller.pollOnce();
        }
        assertThat(engagements(incident)).extracting(e -> e.repetition).containsExactly(0, 1, 2);
        assertThat(engagements(incident)).extracting(e -> e.contactId).containsOnly(only);
        assertThat(incident(incident).escalationState).isEqualTo(EscalationState.EXHAUSTED);
        assertThat(timelineKinds(incident).stream().filter("policy-repeated"::equals)).hasSize(2);
    }

    @Test
    void aRoleWithNobodyOnCallIsSkippedAtOnceAndRolesResolveThroughRotationsOrRosters() {
        String emptyRole = "empty-" + UUID.randomUUID();
        ReplicaFixtures.rotation(emptyRole, null);
        String rotatingRole = "rotating-" + UUID.randomUUID();
        UUID onShift = ReplicaFixtures.contact("On Shift", 7);
        UUID offShift = ReplicaFixtures.contact("Off Shift", 7);
        ReplicaFixtures.rotation(rotatingRole, null, onShift, offShift);
        String rosterRole = "roster-" + UUID.randomUUID();
        UUID holderA = ReplicaFixtures.contact("Holder A", 7);
        UUID holderB = ReplicaFixtures.contact("Holder B", 7);
        UUID retired = ReplicaFixtures.contact("Retired Holder", 7, false);
        ReplicaFixtures.roster(rosterRole, holderA, holderB, retired);

        String type = planWithPolicy("HIGH", 0, "[{\"roles\":[\"" + emptyRole + "\"],\"timeoutSeconds\":60},"
                + "{\"roles\":[\"" + rotatingRole + "\",\"" + rosterRole + "\"],\"timeoutSeconds\":60}]", null);
        UUID incident = raise(type, "HIGH");

        assertThat(paged(incident, 0, 0)).isEmpty();
        // A role without a rotation is answered by the first reachable person of its roster, as who-is-on-call says.
        assertThat(paged(incident, 1, 0)).containsExactlyInAnyOrder(onShift, holderA);
        assertThat(incident(incident).currentStage).isEqualTo(1);
        assertThat(timelineKinds(incident)).containsSubsequence("stage-skipped", "stage-paged");
        assertThat(KafkaEvents.all(Topics.INCIDENTS, e -> e.payload() instanceof IncidentEscalated x
                && x.incidentId().equals(incident), 1, WAIT))
                .extracting(e -> e.payloadAs(IncidentEscalated.class).reason()).containsExactly("nobody on call");
    }

    @Test
    void rolesToEngageAndNotifyOnlyStakeholdersArePagedWithTheFirstStage() {
        String engagedRole = "engaged-" + UUID.randomUUID();
        UUID engaged = ReplicaFixtures.contact("Engaged By Plan", 7);
        ReplicaFixtures.roster(engagedRole, engaged);
        UUID first = ReplicaFixtures.contact("Stage One", 7);
        UUID counsel = ReplicaFixtures.contact("Legal Counsel", 7);
        String type = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String policyId = io.restassured.RestAssured.given()
                .header("Authorization", io.muster.testsupport.Tokens.bearer(io.muster.platform.security.Roles.ADMIN))
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"name\":\"p " + type + "\",\"repeats\":0,\"stages\":[" + stage(60, first) + "],"
                        + "\"stakeholders\":{\"contacts\":[\"" + counsel + "\"]}}")
                .when().post("/api/v1/escalation-policies").then().statusCode(201).extract().path("id");
        io.restassured.RestAssured.given()
                .header("Authorization", io.muster.testsupport.Tokens.bearer(io.muster.platform.security.Roles.ADMIN))
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"incidentType\":\"" + type + "\",\"severity\":\"LOW\",\"policyId\":\"" + policyId
                        + "\",\"rolesToEngage\":[\"" + engagedRole + "\"]}")
                .when().post("/api/v1/response-plans").then().statusCode(201);
        UUID incident = raise(type, "LOW");
        assertThat(paged(incident, 0, 0)).containsExactlyInAnyOrder(first, engaged);
        List<Engagement> informed = engagements(incident).stream().filter(e -> e.notifyOnly).toList();
        assertThat(informed).extracting(e -> e.contactId).containsExactly(counsel);
    }

    @Test
    void defaultPlansPageByRoleAndLevelPoliciesStayAvailable() {
        String type = "unplanned-" + UUID.randomUUID().toString().substring(0, 8);
        UUID critical = raise(type + "-c", "CRITICAL");
        assertThat(policyName(critical)).isEqualTo("default-critical-by-role");
        assertThat(policyName(raise(type + "-h", "HIGH"))).isEqualTo("default-high-by-role");
        assertThat(policyName(raise(type + "-m", "MEDIUM"))).isEqualTo("default-medium-by-role");
        assertThat(policyName(raise(type + "-l", "LOW"))).isEqualTo("default-low-by-role");
        assertThat(QuarkusTransaction.requiringNew().call(() -> io.muster.escalation.domain.EscalationPolicy
                .count("name like 'default-levels-%'"))).isEqualTo(3);
        assertThat(incident(critical).planId).isNotNull();
    }

    private static String policyName(UUID incident) {
        UUID policy = incident(incident).policyId;
        return QuarkusTransaction.requiringNew().call(() -> io.muster.escalation.domain.EscalationPolicy
                .<io.muster.escalation.domain.EscalationPolicy>findById(policy).name);
    }

    @Test
    void aRestartMidEscalationNeitherSkipsNorRepeatsAStage() {
        UUID a = ReplicaFixtures.contact("Stage A", 7);
        UUID b = ReplicaFixtures.contact("Stage B", 7);
        UUID c = ReplicaFixtures.contact("Stage C", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(60, a) + "," + stage(60, b) + "," + stage(60, c) + "]",
                null);
        UUID incident = raise(type, "HIGH");
        // The service was down far longer than two stage timeouts; only the stored rows survive. On the way back
        // up the poller finds stage 1's timer overdue and must enter stage 2, not jump past it to stage 3.
        clock.advance(Duration.ofMinutes(10));
        poller.pollOnce();
        assertThat(paged(incident, 1, 0)).containsExactly(b);
        assertThat(paged(incident, 2, 0)).isEmpty();

        // A crash between paging and deleting the timer rolls both back, so what a replay meets is, at worst, the
        // timer of a stage already left: it must page nobody again.
        QuarkusTransaction.requiringNew().run(() -> {
            EscalationTimer replayed = new EscalationTimer();
            replayed.id = UUID.randomUUID();
            replayed.incidentId = incident;
            replayed.stage = 0;
            replayed.repetition = 0;
            replayed.dueAt = clock.instant().minusSeconds(1);
            replayed.persist();
        });
        poller.pollOnce();
        poller.pollOnce();
        assertThat(engagements(incident)).extracting(e -> e.contactId).containsExactly(a, b);

        clock.advance(Duration.ofSeconds(61));
        poller.pollOnce();
        assertThat(engagements(incident)).extracting(e -> e.contactId).containsExactly(a, b, c);
    }

    @Test
    void twoPollersRacingOverTheSameTimersFireEachOnce() throws Exception {
        UUID a = ReplicaFixtures.contact("Race A", 7);
        UUID b = ReplicaFixtures.contact("Race B", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(60, a) + "," + stage(60, b) + "]", null);
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            incidents.add(raise(type, "HIGH"));
        }
        clock.advance(Duration.ofSeconds(61));
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> replica = () -> {
                start.await();
                return poller.pollOnce();
            };
            Future<Integer> one = replicas.submit(replica);
            Future<Integer> two = replicas.submit(replica);
            start.countDown();
            int fired = one.get() + two.get();
            assertThat(fired).isGreaterThanOrEqualTo(incidents.size());
        } finally {
            replicas.shutdownNow();
        }
        for (UUID incident : incidents) {
            assertThat(paged(incident, 1, 0)).as("incident %s", incident).containsExactly(b);
            assertThat(timelineKinds(incident)).containsOnlyOnce("stage-timed-out");
        }
    }

    @Test
    void aTimerThatCannotFireIsRetriedLaterWithoutHoldingBackOthers() {
        UUID a = ReplicaFixtures.contact("Broken A", 7);
        UUID b = ReplicaFixtures.contact("Healthy B", 7);
        String brokenType = planWithPolicy("HIGH", 0, "[" + stage(60, a) + "," + stage(60, a) + "]", null);
        String healthyType = planWithPolicy("HIGH", 0, "[" + stage(61, a) + "," + stage(60, b) + "]", null);
        UUID broken = raise(brokenType, "HIGH");
        UUID healthy = raise(healthyType, "HIGH");
        // Corrupt the first incident's policy so that moving it on fails every time.
        UUID policy = incident(broken).policyId;
        QuarkusTransaction.requiringNew().run(() -> io.muster.escalation.domain.EscalationPolicy
                .update("stagesJson = 'not json' where id = ?1", policy));

        clock.advance(Duration.ofSeconds(62));
        poller.pollOnce();
        assertThat(paged(healthy, 1, 0)).containsExactly(b);
        assertThat(incident(broken).currentStage).isZero();
        Instant retryAt = QuarkusTransaction.requiringNew().call(() -> EscalationTimer
                .<EscalationTimer>find("incidentId", broken).firstResult().dueAt);
        assertThat(retryAt).isAfter(clock.instant());
    }

    @Test
    void aPolicyEscalatingOpenIncidentsCannotBeDeleted() {
        UUID a = ReplicaFixtures.contact("Policy Guard", 7);
        String type = planWithPolicy("LOW", 0, "[" + stage(60, a) + "]", null);
        UUID incident = raise(type, "LOW");
        UUID policy = incident(incident).policyId;
        UUID plan = incident(incident).planId;
        io.restassured.RestAssured.given()
                .header("Authorization", io.muster.testsupport.Tokens.bearer(io.muster.platform.security.Roles.ADMIN))
                .when().delete("/api/v1/response-plans/" + plan).then().statusCode(204);
        io.restassured.RestAssured.given()
                .header("Authorization", io.muster.testsupport.Tokens.bearer(io.muster.platform.security.Roles.ADMIN))
                .when().delete("/api/v1/escalation-policies/" + policy)
                .then().statusCode(409).contentType("application/problem+json");
    }

    private static void failAllChannels(UUID incident, Engagement page) {
        KafkaEvents.publish(new PageStatusChanged(page.pageId, incident, page.contactId, (ChannelType) null,
                DeliveryStatus.ALL_CHANNELS_FAILED, 2, "sms and email bounced", false));
    }
}
