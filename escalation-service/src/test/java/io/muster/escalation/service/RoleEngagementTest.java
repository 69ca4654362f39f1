package io.muster.escalation.service;

import static io.muster.escalation.EscalationApi.engagements;
import static io.muster.escalation.EscalationApi.incident;
import static io.muster.escalation.EscalationApi.raise;
import static io.muster.escalation.EscalationApi.timelineKinds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.escalation.MutableClock;
import io.muster.escalation.ReplicaFixtures;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.IncidentStatus;
import io.muster.escalation.domain.RoleEngagement;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Required roles, each engaged on its own path; the response-team preview; severity as data. */
@QuarkusTest
class RoleEngagementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TimerPoller poller;

    @Inject
    MutableClock clock;

    private static String role(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A policy and plan for a fresh type: one stage of {@code stageRoles}, plus required roles. */
    private static String plan(String severity, int repeats, List<String> stageRoles, List<String> required) {
        String type = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String policyId = given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"policy " + type + "\",\"repeats\":" + repeats + ",\"stages\":[{\"roles\":"
                        + json(stageRoles) + ",\"timeoutSeconds\":60}]}")
                .when().post("/api/v1/escalation-policies").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"incidentType\":\"" + type + "\",\"severity\":\"" + severity + "\",\"policyId\":\""
                        + policyId + "\",\"requiredRoles\":" + json(required) + "}")
                .when().post("/api/v1/response-plans").then().statusCode(201)
                .body("requiredRoles", org.hamcrest.Matchers.equalTo(required));
        return type;
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static int ackTarget(String severity) {
        return given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/severities")
                .then().statusCode(200).extract().jsonPath()
                .getInt("find { it.severity == '" + severity + "' }.ackTargetSeconds");
    }

    private static RoleEngagement row(UUID incident, String role) {
        return QuarkusTransaction.requiringNew().call(() -> RoleEngagement.find(incident, role));
    }

    private static void ack(UUID incident, UUID contact) {
        Engagement page = engagements(incident).stream().filter(e -> e.contactId.equals(contact)).findFirst()
                .orElseThrow();
        KafkaEvents.publish(new PageAcknowledged(page.pageId, incident, contact, AckMethod.EMAIL_LINK, false));
    }

    private static List<UUID> pagedFor(UUID incident, String role) {
        return engagements(incident).stream().filter(e -> role.equals(e.roleKey) && !e.notifyOnly)
                .map(e -> e.contactId).toList();
    }

    @Test
    void aRequiredRoleEscalatesOnItsOwnPathUntilSomeonePagedForItAcknowledges() {
        String lead = role("lead");
        UUID x = ReplicaFixtures.contact("Lead X", 7);
        ReplicaFixtures.roster(lead, x);
        String counsel = role("counsel");
        UUID a = ReplicaFixtures.contact("Counsel A", 7);
        UUID b = ReplicaFixtures.contact("Counsel B", 7);
        UUID boss = ReplicaFixtures.contact("General Counsel", 7);
        ReplicaFixtures.rosterWithEscalationContact(counsel, boss, a, b);
        String type = plan("HIGH", 0, List.of(lead), List.of(lead, counsel));
        int target = ackTarget("HIGH");

        UUID incident = raise(type, "HIGH");
        assertThat(pagedFor(incident, lead)).containsExactly(x);
        assertThat(pagedFor(incident, counsel)).as("a required role is paged with the first stage").containsExactly(a);

        // The lead answers: the incident is acknowledged and the stage path stops, but counsel is not engaged.
        ack(incident, x);
        await().atMost(WAIT).until(() -> row(incident, lead).status == RoleEngagement.Status.ENGAGED);
        assertThat(incident(incident).status).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(row(incident, counsel).status).isEqualTo(RoleEngagement.Status.PAGED);
        assertThat(incident(incident).engagedAt).isNull();

        clock.advance(Duration.ofSeconds(target + 1));
        poller.pollOnce();
        assertThat(pagedFor(incident, counsel)).as("the next holder").containsExactly(a, b);
        clock.advance(Duration.ofSeconds(target + 1));
        poller.pollOnce();
        assertThat(pagedFor(incident, counsel)).as("then the role's escalation contact").containsExactly(a, b, boss);

        ack(incident, boss);
        await().atMost(WAIT).until(() -> incident(incident).engagedAt != null);
        RoleEngagement engaged = row(incident, counsel);
        assertThat(engaged.status).isEqualTo(RoleEngagement.Status.ENGAGED);
        assertThat(engaged.engagedContact).isEqualTo(boss);
        assertThat(timelineKinds(incident)).containsSubsequence("role-timed-out", "role-escalated",
                "role-timed-out", "role-escalated", "role-engaged", "engaged");
        clock.advance(Duration.ofSeconds(target + 1));
        poller.pollOnce();
        assertThat(pagedFor(incident, counsel)).as("an engaged role pages nobody more").hasSize(3);

        // The responders view: each member, the role they were paged for, and each role's engagement.
        JsonPath team = given().header("Authorization", Tokens.bearer(Roles.INTEGRATION))
                .when().get("/api/v1/incidents/" + incident + "/responders")
                .then().statusCode(200).extract().jsonPath();
        assertThat(team.getBoolean("engaged")).isTrue();
        assertThat(team.getString("roles.find { it.roleKey == '" + counsel + "' }.engagedByName"))
                .isEqualTo("General Counsel");
        assertThat(team.getList("members.displayName")).containsExactlyInAnyOrder("Lead X", "Counsel A", "Counsel B",
                "General Counsel");
        assertThat(team.getString("members.find { it.displayName == 'General Counsel' }.acknowledgedHow"))
                .isEqualTo("EMAIL_LINK");
        assertThat(team.getList("members.find { it.displayName == 'Counsel B' }.roles")).containsExactly(counsel);
    }

    @Test
    void theRespondersViewShowsEachChannelsLatestState() {
        String analyst = role("analyst");
        UUID a = ReplicaFixtures.contact("Channel Watcher", 7);
        ReplicaFixtures.roster(analyst, a);
        UUID incident = raise(plan("MEDIUM", 0, List.of(analyst), List.of()), "MEDIUM");
        Engagement page = engagements(incident).get(0);
        KafkaEvents.publish(new PageStatusChanged(page.pageId, incident, a, ChannelType.SMS, DeliveryStatus.QUEUED,
                1, "", false));
        KafkaEvents.publish(new PageStatusChanged(page.pageId, incident, a, ChannelType.SMS, DeliveryStatus.SENT, 1,
                "sns message id m-1", false));
        KafkaEvents.publish(new PageStatusChanged(page.pageId, incident, a, ChannelType.EMAIL, DeliveryStatus.FAILED,
                1, "550 mailbox unavailable", false));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath team = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                    .when().get("/api/v1/incidents/" + incident + "/responders")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(team.getList("members[0].pages[0].channels.channel")).containsExactly("EMAIL", "SMS");
            assertThat(team.getList("members[0].pages[0].channels.status")).containsExactly("FAILED", "SENT");
        });
    }

    @Test
    void aRoleWithNobodyReachableInAMultiRoleStageEscalatesAtOnceOrIsReportedAndCounted() {
        String staffed = role("staffed");
        UUID ok = ReplicaFixtures.contact("Staffed Holder", 7);
        ReplicaFixtures.roster(staffed, ok);
        String covered = role("covered");
        UUID unverified = ReplicaFixtures.unverifiedContact("Unverified Holder");
        UUID cover = ReplicaFixtures.contact("Covering Contact", 7);
        ReplicaFixtures.rosterWithEscalationContact(covered, cover, unverified);
        String empty = role("empty");
        ReplicaFixtures.roster(empty, ReplicaFixtures.unverifiedContact("Nobody Reachable"));
        String onCall = role("oncall");
        UUID backup = ReplicaFixtures.contact("Backup Of Inactive", 7);
        UUID inactive = ReplicaFixtures.inactiveWithBackup("Inactive On Call", backup);
        ReplicaFixtures.rotation(onCall, null, inactive);

        UUID incident = raise(plan("LOW", 0, List.of(staffed, covered, empty, onCall), List.of()), "LOW");
        assertThat(pagedFor(incident, staffed)).containsExactly(ok);
        assertThat(pagedFor(incident, covered)).as("the escalation contact at once").containsExactly(cover);
        assertThat(pagedFor(incident, empty)).isEmpty();
        assertThat(pagedFor(incident, onCall)).as("the inactive person's backup").containsExactly(backup);
        assertThat(timelineKinds(incident)).contains("role-escalated", "role-unreachable", "stage-paged");
        assertThat(row(incident, empty).status).isEqualTo(RoleEngagement.Status.UNREACHABLE);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("muster_role_unreachable_total\\{[^}]*role=\"" + empty + "\"");
    }

    @Test
    void theResponseTeamPreviewIsWhoARaisePages() {
        String first = role("first");
        UUID f = ReplicaFixtures.contact("First Line", 7);
        UUID f2 = ReplicaFixtures.contact("First Line Two", 7);
        ReplicaFixtures.rotation(first, null, f, f2);
        String required = role("required");
        UUID r = ReplicaFixtures.contact("Required Holder", 7);
        ReplicaFixtures.roster(required, r);
        String type = plan("CRITICAL", 1, List.of(first), List.of(required));
        String regulator = "Regulator " + UUID.randomUUID();
        ReplicaFixtures.externalParty(regulator, required, 72, type);
        ReplicaFixtures.externalParty("Unrelated " + UUID.randomUUID(), required, 24, "some-other-type");

        JsonPath team = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .queryParam("incidentType", type).queryParam("severity", "CRITICAL")
                .when().get("/api/v1/response-team").then().statusCode(200).extract().jsonPath();
        assertThat(team.getString("plan.incidentType")).isEqualTo(type);
        assertThat(team.getList("requiredRoles")).containsExactly(required);
        assertThat(team.getString("stages[0].roles.find { it.roleKey == '" + first + "' }.paged[0].displayName"))
                .isEqualTo("First Line");
        assertThat(team.getString("stages[0].roles.find { it.roleKey == '" + first + "' }.next[0].reason"))
                .isEqualTo("next in rotation");
        assertThat(team.getList("externalParties.organisation")).contains(regulator)
                .noneMatch(o -> o.toString().startsWith("Unrelated"));
        assertThat(team.getInt("externalParties.find { it.organisation == '" + regulator
                + "' }.notificationDeadlineHours")).isEqualTo(72);
        assertThat(team.getString("externalParties.find { it.organisation == '" + regulator
                + "' }.owners[0].displayName")).isEqualTo("Required Holder");
        Set<String> previewed = new HashSet<>();
        team.getList("stages[0].roles.paged.contactId.flatten()", String.class).forEach(previewed::add);
        team.getList("stakeholders.contactId", String.class).forEach(previewed::add);

        UUID incident = raise(type, "CRITICAL");
        Set<String> paged = new HashSet<>();
        engagements(incident).forEach(e -> paged.add(e.contactId.toString()));
        assertThat(paged).isEqualTo(previewed);
        assertThat(KafkaEvents.all(Topics.PAGES_REQUESTED, e -> e.payload() instanceof PageRequested p
                && p.incidentId().equals(incident), paged.size(), WAIT)).hasSize(paged.size());

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).queryParam("severity", "SEVERE")
                .when().get("/api/v1/response-team").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("incidentType", "severity"));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).queryParam("incidentType", type)
                .queryParam("severity", "LOW").queryParam("at", "yesterday")
                .when().get("/api/v1/response-team").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("at"));
    }

    @Test
    void raisingTheSeverityPagesTheRolesTheNewPlanAddsAndLoweringItUnpagesNobody() {
        String lead = role("lead");
        UUID x = ReplicaFixtures.contact("High Lead", 7);
        ReplicaFixtures.roster(lead, x);
        String comms = role("comms");
        UUID c = ReplicaFixtures.contact("Comms Lead", 7);
        ReplicaFixtures.roster(comms, c);
        String type = plan("HIGH", 0, List.of(lead), List.of());
        String criticalPolicy = given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"critical " + type + "\",\"repeats\":0,\"stages\":[{\"roles\":[\"" + lead
                        + "\"],\"timeoutSeconds\":60}]}")
                .when().post("/api/v1/escalation-policies").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("{\"incidentType\":\"" + type + "\",\"severity\":\"CRITICAL\",\"policyId\":\"" + criticalPolicy
                        + "\",\"requiredRoles\":[\"" + comms + "\"]}")
                .when().post("/api/v1/response-plans").then().statusCode(201);

        UUID incident = raise(type, "HIGH");
        assertThat(pagedFor(incident, comms)).isEmpty();
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body("{\"severity\":\"CRITICAL\"}").when().put("/api/v1/incidents/" + incident + "/severity")
                .then().statusCode(200);
        assertThat(pagedFor(incident, comms)).containsExactly(c);
        assertThat(row(incident, comms).required).isTrue();
        assertThat(timelineKinds(incident)).containsSubsequence("severity-changed", "replanned");
        assertThat(KafkaEvents.all(Topics.INCIDENTS, ev -> ev.payload() instanceof IncidentSeverityChanged changed
                && changed.incidentId().equals(incident), 1, WAIT))
                .extracting(ev -> ev.payloadAs(IncidentSeverityChanged.class).rolesAdded()).containsExactly(List.of(comms));
        int pages = engagements(incident).size();
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body("{\"severity\":\"LOW\"}").when().put("/api/v1/incidents/" + incident + "/severity")
                .then().statusCode(200);
        assertThat(engagements(incident)).hasSize(pages);
        assertThat(row(incident, comms).status).isEqualTo(RoleEngagement.Status.PAGED);

        // A re-trigger at a higher severity re-plans the same way.
        String dedup = UUID.randomUUID().toString();
        String body = "{\"title\":\"Exfiltration\",\"severity\":\"%s\",\"incidentType\":\"" + type
                + "\",\"dedupKey\":\"" + dedup + "\"}";
        String id = given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .body(body.formatted("HIGH")).when().post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).contentType(ContentType.JSON)
                .body(body.formatted("CRITICAL")).when().post("/api/v1/incidents").then().statusCode(200)
                .body("severity", org.hamcrest.Matchers.equalTo("CRITICAL"));
        assertThat(pagedFor(UUID.fromString(id), comms)).containsExactly(c);
    }

    @Test
    void aGameDaysRolesAreRequiredOnTopOfThePlansAndSeveritiesAreEditableByAdminsOnly() {
        String lead = role("lead");
        ReplicaFixtures.roster(lead, ReplicaFixtures.contact("Drill Lead", 7));
        String extra = role("extra");
        UUID e = ReplicaFixtures.contact("Drill Extra", 7);
        ReplicaFixtures.roster(extra, e);
        String type = plan("MEDIUM", 0, List.of(lead), List.of());
        String id = given().header("Authorization", Tokens.bearer(Roles.GAMEDAY)).contentType(ContentType.JSON)
                .body("{\"title\":\"[DRILL] roles\",\"severity\":\"MEDIUM\",\"incidentType\":\"" + type
                        + "\",\"drill\":true,\"requiredRoles\":[\"" + extra + "\"]}")
                .when().post("/api/v1/incidents").then().statusCode(201)
                .body("requiredRoles", org.hamcrest.Matchers.contains(extra)).extract().path("id");
        assertThat(pagedFor(UUID.fromString(id), extra)).containsExactly(e);
        assertThat(row(UUID.fromString(id), extra).required).isTrue();

        String definition = "{\"name\":\"Low\",\"criteria\":\"Weak signal\",\"ackTargetSeconds\":%d,"
                + "\"allChannelsAtOnce\":false,\"bundlingExempt\":false,\"stakeholderRoles\":[]}";
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON)
                .body(definition.formatted(3600)).when().put("/api/v1/severities/LOW").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(definition.formatted(5)).when().put("/api/v1/severities/LOW").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("ackTargetSeconds"));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(definition.formatted(3600)).when().put("/api/v1/severities/LOW").then().statusCode(200)
                .body("criteria", org.hamcrest.Matchers.equalTo("Weak signal"));
    }
}
