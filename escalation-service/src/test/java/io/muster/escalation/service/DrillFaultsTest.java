package io.muster.escalation.service;

import static io.muster.escalation.EscalationApi.engagements;
import static io.muster.escalation.EscalationApi.incident;
import static io.muster.escalation.EscalationApi.paged;
import static io.muster.escalation.EscalationApi.planWithPolicy;
import static io.muster.escalation.EscalationApi.raise;
import static io.muster.escalation.EscalationApi.stage;
import static io.muster.escalation.EscalationApi.timelineKinds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.AcknowledgementIgnored;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.escalation.MutableClock;
import io.muster.escalation.ReplicaFixtures;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.TimelineEntry;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Game-day fault injection along the real paging path: unavailable people and roles, channels that are down. */
@QuarkusTest
class DrillFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TimerPoller poller;

    @Inject
    MutableClock clock;

    @Test
    void anUnavailableRolesAcksAreIgnoredSoStageTwoIsPagedAndAnAvailablePersonsAckIsTaken() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String role = "commander-" + suffix;
        String commanderEmail = "ida-" + suffix + "@example.org";
        UUID commander = ReplicaFixtures.contactWithEmail("Ida Commander", commanderEmail);
        UUID deputy = ReplicaFixtures.contactWithEmail("Sam Deputy", "sam-" + suffix + "@example.org");
        ReplicaFixtures.roster(role, commander);
        String type = planWithPolicy("HIGH", 0, "[{\"roles\":[\"" + role + "\"],\"timeoutSeconds\":60},"
                + stage(60, deputy) + "]", null);

        String id = given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"unavailableRoles\":[\"" + role + "\"],"
                        + "\"downChannels\":[\"SMS\"]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(201)
                .body("drill", equalTo(true))
                .body("drillFaults.unavailableRoles", contains(role))
                .body("drillFaults.downChannels", contains("SMS"))
                .body("drillFaults.unavailableContacts", empty())
                .extract().path("id");
        UUID incident = UUID.fromString(id);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).body("drillFaults.unavailableRoles", contains(role));
        assertThat(paged(incident, 0, 0)).containsExactly(commander);

        // The page carries the down channel to notification.
        PageRequested firstPage = KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.incidentId().equals(incident), 1, WAIT)
                .get(0).payloadAs(PageRequested.class);
        assertThat(firstPage.drill()).isTrue();
        assertThat(firstPage.downChannels()).containsExactly(ChannelType.SMS);

        // The commander answers the page: the drill says their role is unavailable, so nobody listens.
        Engagement commanderPage = engagements(incident).get(0);
        KafkaEvents.publish(new PageAcknowledged(commanderPage.pageId, incident, commander, AckMethod.SMS_REPLY,
                true));
        await().atMost(WAIT).until(() -> timelineKinds(incident).contains("ack-ignored"));
        assertThat(incident(incident).status).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(engagements(incident).get(0).status).isEqualTo(Engagement.Status.REQUESTED);
        assertThat(timeline(incident, "ack-ignored")).singleElement().satisfies(e -> {
            assertThat(e.detail).contains("Ida Commander").contains("drill fault")
                    .contains("role " + role + " unavailable");
            assertThat(e.actor).isEqualTo("contact:" + commander);
        });

        // ...and through the API, signed in as themself: refused with 409, recorded, escalation untouched.
        given().header("Authorization", "Bearer " + Tokens.token(commanderEmail, Roles.RESPONDER))
                .contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("drill-fault-ack-ignored"))
                .body("errors.field", contains("drillFaults"));
        assertThat(timeline(incident, "ack-ignored")).hasSize(2);
        assertThat(incident(incident).status).isEqualTo(IncidentStatus.TRIGGERED);

        // Nobody (that counts) answered stage 1 in time: stage 2 is paged.
        clock.advance(Duration.ofSeconds(61));
        poller.pollOnce();
        assertThat(paged(incident, 1, 0)).containsExactly(deputy);
        assertThat(timelineKinds(incident)).containsSubsequence("triggered", "drill-faults", "stage-paged",
                "ack-ignored", "ack-ignored", "stage-timed-out", "stage-paged");

        // The deputy is available: their acknowledgement takes the incident.
        Engagement deputyPage = engagements(incident).stream().filter(e -> e.contactId.equals(deputy)).findFirst()
                .orElseThrow();
        KafkaEvents.publish(new PageAcknowledged(deputyPage.pageId, incident, deputy, AckMethod.EMAIL_LINK, true));
        await().atMost(WAIT).until(() -> incident(incident).status == IncidentStatus.ACKNOWLEDGED);
        assertThat(incident(incident).acknowledgedBy).isEqualTo("contact:" + deputy);
        assertThat(timeline(incident, "ack-ignored")).hasSize(2);
    }

    @Test
    void anUnavailableContactIsIgnoredWhileACallerWhoIsNotThemAcknowledgesAsUsual() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String awayEmail = "away-" + suffix + "@example.org";
        UUID away = ReplicaFixtures.contactWithEmail("Alex Away", awayEmail);
        String type = planWithPolicy("HIGH", 0, "[" + stage(600, away) + "]", null);
        String id = given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"unavailableContacts\":[\"" + away + "\"]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(201).body("drillFaults.unavailableContacts", contains(away.toString()))
                .extract().path("id");
        UUID incident = UUID.fromString(id);
        PageRequested page = KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.incidentId().equals(incident), 1, WAIT)
                .get(0).payloadAs(PageRequested.class);
        assertThat(page.downChannels()).as("no channel fault injected").isEmpty();

        KafkaEvents.publish(new PageAcknowledged(page.pageId(), incident, away, AckMethod.EMAIL_LINK, true));
        await().atMost(WAIT).until(() -> timelineKinds(incident).contains("ack-ignored"));
        assertThat(timeline(incident, "ack-ignored").get(0).detail).contains("contact unavailable");
        // By dedup key through the API, signed in under another name but with the person's email claim: ignored.
        String dedupKey = incident(incident).dedupKey;
        given().header("Authorization", "Bearer " + tokenWithEmail("alex-" + suffix, awayEmail))
                .contentType(ContentType.JSON).body("{\"dedupKey\":\"" + dedupKey + "\"}")
                .when().post("/api/v1/incidents/acknowledge")
                .then().statusCode(409).body("errors.field", contains("drillFaults"));
        assertThat(timeline(incident, "ack-ignored")).hasSize(2);
        assertThat(incident(incident).status).isEqualTo(IncidentStatus.TRIGGERED);

        // A caller the directory does not know as an unavailable person takes the incident as usual.
        given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .contentType(ContentType.JSON).body("{\"dedupKey\":\"" + dedupKey + "\"}")
                .when().post("/api/v1/incidents/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        assertThat(incident(incident).acknowledgedBy).isEqualTo("admin-user");
    }

    @Test
    void everyIgnoredAcknowledgementIsAnnouncedOnTheIncidentsTopicWithTheRoleOrPersonThatDecidedIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String role = "scribe-" + suffix;
        UUID scribe = ReplicaFixtures.contactWithEmail("Nia Scribe", "nia-" + suffix + "@example.org");
        String awayEmail = "omar-" + suffix + "@example.org";
        UUID away = ReplicaFixtures.contactWithEmail("Omar Away", awayEmail);
        ReplicaFixtures.roster(role, scribe);
        String type = planWithPolicy("HIGH", 0, "[{\"roles\":[\"" + role + "\"],\"timeoutSeconds\":600},"
                + stage(600, away) + "]", null);
        String id = given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"unavailableRoles\":[\"" + role + "\"],"
                        + "\"unavailableContacts\":[\"" + away + "\"]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        UUID incident = UUID.fromString(id);
        assertThat(paged(incident, 0, 0)).containsExactly(scribe);

        // Paged for an unavailable role, the scribe answers the page.
        KafkaEvents.publish(new PageAcknowledged(engagements(incident).get(0).pageId, incident, scribe,
                AckMethod.SMS_REPLY, true));
        AcknowledgementIgnored byRole = KafkaEvents.all(Topics.INCIDENTS,
                e -> e.key().equals(id) && e.payload() instanceof AcknowledgementIgnored, 1, WAIT)
                .get(0).payloadAs(AcknowledgementIgnored.class);
        assertThat(byRole.incidentId()).isEqualTo(incident);
        assertThat(byRole.contactId()).isEqualTo(scribe);
        assertThat(byRole.roleKey()).isEqualTo(role);
        assertThat(byRole.acknowledgedBy()).isEqualTo("contact:" + scribe);
        assertThat(byRole.drill()).isTrue();
        // The event carries the sentence the timeline shows.
        assertThat(byRole.reason()).isEqualTo(timeline(incident, "ack-ignored").get(0).detail)
                .contains("Nia Scribe").contains("role " + role + " unavailable");

        // Nobody that counts answered: stage 2 pages Omar, who is unavailable by name and acknowledges through the
        // API: refused, and announced with no role.
        clock.advance(Duration.ofSeconds(601));
        poller.pollOnce();
        assertThat(paged(incident, 1, 0)).containsExactly(away);
        given().header("Authorization", "Bearer " + Tokens.token(awayEmail, Roles.RESPONDER))
                .contentType(ContentType.JSON)
                .when().post("/api/v1/incidents/" + id + "/acknowledge")
                .then().statusCode(409).body("errors.field", contains("drillFaults"));
        List<AcknowledgementIgnored> both = KafkaEvents.all(Topics.INCIDENTS,
                e -> e.key().equals(id) && e.payload() instanceof AcknowledgementIgnored, 2, WAIT).stream()
                .map(e -> e.payloadAs(AcknowledgementIgnored.class)).toList();
        assertThat(both).hasSize(2);
        AcknowledgementIgnored byName = both.stream().filter(a -> a.contactId().equals(away)).findFirst()
                .orElseThrow();
        assertThat(byName.roleKey()).isEmpty();
        assertThat(byName.acknowledgedBy()).isEqualTo(awayEmail);
        assertThat(byName.reason()).contains("Omar Away").contains("contact unavailable");
        assertThat(incident(incident).status).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void aRealIncidentsPagesHaveNoChannelDownAndItsFaultsAreEmpty() {
        UUID responder = ReplicaFixtures.contact("Real Responder", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(600, responder) + "]", null);
        UUID incident = raise(type, "HIGH");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/incidents/" + incident)
                .then().statusCode(200)
                .body("drill", equalTo(false))
                .body("drillFaults.unavailableContacts", empty())
                .body("drillFaults.unavailableRoles", empty())
                .body("drillFaults.downChannels", empty());
        List<EventEnvelope> pages = KafkaEvents.all(Topics.PAGES_REQUESTED,
                e -> e.payload() instanceof PageRequested p && p.incidentId().equals(incident), 1, WAIT);
        assertThat(pages.get(0).payloadAs(PageRequested.class).downChannels()).isEmpty();
        assertThat(timelineKinds(incident)).doesNotContain("drill-faults");
    }

    @Test
    void faultsAreRefusedOnARealIncidentAndWhenMalformedNamingTheFieldAndNothingIsWritten() {
        String type = planWithPolicy("HIGH", 0, "[" + stage(600, ReplicaFixtures.contact("Nobody", 7)) + "]", null);
        String token = Tokens.bearer(Roles.GAMEDAY);
        String faults = "\"drillFaults\":{\"downChannels\":[\"SMS\"]}";
        // A responder may raise a real incident (the game-day service may not), but not with faults.
        String responder = Tokens.bearer(Roles.RESPONDER);
        given().header("Authorization", responder).contentType(ContentType.JSON)
                .body(drill(type, faults).replace("\"drill\":true", "\"drill\":false"))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("drillFaults"));
        given().header("Authorization", responder).contentType(ContentType.JSON)
                .body(drill(type, faults).replace(",\"drill\":true", ""))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", contains("drillFaults"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"downChannels\":[\"CARRIER_PIGEON\"]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("drillFaults.downChannels[0]"))
                .body("errors.message[0]", containsString("SMS"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"unavailableRoles\":[\"incident-commander\",\"Incident Commander\"]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", contains("drillFaults.unavailableRoles[1]"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"unavailableContacts\":[\"not-a-uuid\"]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", contains("drillFaults.unavailableContacts[0]"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(UUID.randomUUID()).append('"');
        }
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"unavailableContacts\":[" + many + "]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", contains("drillFaults.unavailableContacts"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(drill(type, "\"drillFaults\":{\"brokenPhones\":[\"SMS\"]}"))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", contains("drillFaults.brokenPhones"));

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/incidents?incidentType=" + type)
                .then().statusCode(200).body("$", empty());
    }

    private static String drill(String type, String extra) {
        return "{\"title\":\"[DRILL] Ransomware on file server\",\"severity\":\"HIGH\",\"incidentType\":\"" + type
                + "\",\"drill\":true," + extra + "}";
    }

    /** A token like {@link Tokens#token} that also carries an {@code email} claim, as Keycloak's do. */
    private static String tokenWithEmail(String username, String email) {
        return Jwt.issuer(Tokens.ISSUER).subject(username).preferredUserName(username).audience(Tokens.AUDIENCE)
                .claim("email", email).claim("realm_access", Map.of("roles", List.of(Roles.RESPONDER)))
                .expiresIn(3_600).jws().keyId("1").sign("privateKey.jwk");
    }

    private static List<TimelineEntry> timeline(UUID incident, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntry.<TimelineEntry>list(
                "incidentId = ?1 and kind = ?2 order by id", incident, kind));
    }
}
