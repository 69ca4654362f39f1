package io.muster.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.muster.contracts.Topics;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.contracts.incidents.IncidentPhaseChanged;
import io.muster.contracts.incidents.IncidentReclassified;
import io.muster.escalation.domain.Engagement;
import io.muster.escalation.domain.TimelineEntry;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Playbooks per incident type, the copy an incident gets when raised, steps marked done, phases and their metric,
 * and reclassification (the new type's plan and playbook).
 */
@QuarkusTest
class PlaybooksTest {

    private static final String PROBLEMS = "https://muster.dev/problems/";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role)).contentType(ContentType.JSON);
    }

    private static RequestSpecification signedIn(String subject, String role) {
        return given().header("Authorization", "Bearer " + Tokens.token(subject, role)).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A role the replica knows, held by one reachable person. */
    private static String role(String prefix) {
        String role = unique(prefix);
        ReplicaFixtures.roster(role, ReplicaFixtures.contact("Holder of " + role, 7));
        return role;
    }

    private static String step(String key, String phase, String title, String owner) {
        return "{\"key\":\"" + key + "\",\"phase\":\"" + phase + "\",\"title\":\"" + title + "\",\"ownerRole\":\""
                + owner + "\"}";
    }

    private static String playbook(String name, String... steps) {
        return "{\"name\":\"" + name + "\",\"description\":\"What to do\",\"steps\":[" + String.join(",", steps)
                + "]}";
    }

    private static JsonPath audit(String entityType, String entityId) {
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN))
                .queryParams(Map.of("entityType", entityType, "entityId", entityId))
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath incidentPlaybook(UUID incident) {
        return as(Roles.VIEWER).when().get("/api/v1/incidents/" + incident + "/playbook")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<TimelineEntry> timeline(UUID incident, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntry.<TimelineEntry>list(
                "incidentId = ?1 and kind = ?2 order by id", incident, kind));
    }

    private static List<UUID> pagedFor(UUID incident, String role) {
        return EscalationApi.engagements(incident).stream().filter(e -> role.equals(e.roleKey) && !e.notifyOnly)
                .map(e -> e.contactId).toList();
    }

    /** An instant in a response, to the microsecond the database keeps. */
    private static org.hamcrest.Matcher<String> at(java.time.Instant expected) {
        java.time.Instant micros = expected.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new org.hamcrest.TypeSafeMatcher<String>() {
            @Override
            protected boolean matchesSafely(String actual) {
                return java.time.Instant.parse(actual).truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .equals(micros);
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("the instant " + micros);
            }
        };
    }

    private static String raise(RequestSpecification as, String type, String severity, boolean drill) {
        return as.body("{\"title\":\"Mailbox rules forwarding to outside\",\"severity\":\"" + severity
                + "\",\"incidentType\":\"" + type + "\",\"drill\":" + drill + "}")
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void adminsWritePlaybooksEveryoneReadsThemAndEveryChangeIsAudited() {
        String analyst = role("analyst");
        String commander = role("commander");
        String type = unique("phishing");
        // Listed out of phase order: stored by phase, and within a phase in the order given.
        String body = playbook("Phishing response",
                step("block-sender", "CONTAIN", "Block the sender domain", analyst),
                step("triage-report", "DETECT", "Triage the reported mail", analyst),
                step("find-recipients", "ANALYZE", "Find every recipient", analyst),
                step("confirm-scope", "DETECT", "Confirm who clicked", commander));
        as(Roles.ADMIN).body(body).when().put("/api/v1/playbooks/" + type)
                .then().statusCode(201).body("incidentType", equalTo(type)).body("updatedBy", equalTo("admin-user"))
                .body("steps.key", contains("triage-report", "confirm-scope", "find-recipients", "block-sender"));
        as(Roles.VIEWER).when().get("/api/v1/playbooks/" + type).then().statusCode(200)
                .body("name", equalTo("Phishing response")).body("description", equalTo("What to do"))
                .body("steps.phase", contains("DETECT", "DETECT", "ANALYZE", "CONTAIN"))
                .body("steps[0].ownerRole", equalTo(analyst)).body("steps[0].link", nullValue());
        as(Roles.VIEWER).when().get("/api/v1/playbooks").then().statusCode(200)
                .body("find { it.incidentType == '" + type + "' }.steps.size()", equalTo(4));

        String replaced = "{\"name\":\"Phishing response v2\",\"steps\":[" + step("triage-report", "DETECT",
                "Triage the reported mail within 15 minutes", analyst) + ",{\"key\":\"reset-passwords\",\"phase\":"
                + "\"ERADICATE\",\"title\":\"Reset the passwords of those who clicked\",\"detail\":\"And revoke their"
                + " sessions\",\"ownerRole\":\"" + commander + "\",\"link\":\"https://wiki.example.org/runbooks/"
                + "reset\"}]}";
        as(Roles.ADMIN).body(replaced).when().put("/api/v1/playbooks/" + type).then().statusCode(200)
                .body("steps.key", contains("triage-report", "reset-passwords"))
                .body("steps[1].link", equalTo("https://wiki.example.org/runbooks/reset"))
                .body("steps[1].detail", equalTo("And revoke their sessions"))
                .body("description", equalTo(""));

        for (String role : List.of(Roles.VIEWER, Roles.RESPONDER, Roles.INTEGRATION, Roles.GAMEDAY)) {
            as(role).body(body).when().put("/api/v1/playbooks/" + type).then().statusCode(403)
                    .contentType("application/problem+json");
            as(role).when().delete("/api/v1/playbooks/" + type).then().statusCode(403);
        }
        as(Roles.INTEGRATION).when().get("/api/v1/playbooks/" + type).then().statusCode(403);
        given().when().get("/api/v1/playbooks").then().statusCode(401);

        as(Roles.ADMIN).when().delete("/api/v1/playbooks/" + type).then().statusCode(204);
        as(Roles.VIEWER).when().get("/api/v1/playbooks/" + type).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.ADMIN).when().delete("/api/v1/playbooks/" + type).then().statusCode(404);

        JsonPath trail = audit("playbook", type);
        assertThat(trail.getList("action")).containsExactly("deleted", "updated", "created");
        assertThat(trail.getList("actor")).containsOnly("admin-user");
        assertThat(trail.getString("[2].before")).isNull();
        assertThat(trail.getList("[2].after.steps.key")).hasSize(4);
        assertThat(trail.getString("[1].before.name")).isEqualTo("Phishing response");
        assertThat(trail.getString("[1].after.name")).isEqualTo("Phishing response v2");
        assertThat(trail.getList("[0].before.steps.key")).containsExactly("triage-report", "reset-passwords");
        assertThat(trail.getString("[0].after")).isNull();
    }

    @Test
    void aBadPlaybookIsRefusedNamingTheFieldAndNothingIsWritten() {
        String analyst = role("analyst");
        String type = unique("bad");
        String good = step("triage", "DETECT", "Triage", analyst);
        Map<String, String> refusedAt = new java.util.LinkedHashMap<>();
        refusedAt.put("{\"steps\":[" + good + "]}", "name");
        refusedAt.put("{\"name\":\"x\",\"steps\":[]}", "steps");
        refusedAt.put("{\"name\":\"x\"}", "steps");
        refusedAt.put(playbook("x", good, step("Not_A_Key", "DETECT", "Triage", analyst)), "steps[1].key");
        refusedAt.put(playbook("x", good, step("triage", "ANALYZE", "Again", analyst)), "steps[1].key");
        refusedAt.put(playbook("x", step("triage", "DETECT", "", analyst)), "steps[0].title");
        refusedAt.put(playbook("x", step("triage", "DETECT", "Triage", "Analyst!")), "steps[0].ownerRole");
        refusedAt.put(playbook("x", "{\"key\":\"triage\",\"phase\":\"DETECT\",\"title\":\"t\",\"ownerRole\":\""
                + analyst + "\",\"link\":\"http://wiki.example.org/runbook\"}"), "steps[0].link");
        refusedAt.put(playbook("x", "{\"key\":\"triage\",\"phase\":\"DETECT\",\"title\":\"t\",\"ownerRole\":\""
                + analyst + "\",\"link\":\"https://user:secret@wiki.example.org/runbook\"}"), "steps[0].link");
        refusedAt.put(playbook("x", "{\"key\":\"triage\",\"phase\":\"DETECT\",\"title\":\"t\",\"ownerRole\":\""
                + analyst + "\",\"link\":\"https://wiki.example.org/a|b\"}"), "steps[0].link");
        refusedAt.put(playbook("x", "{\"key\":\"triage\",\"title\":\"t\",\"ownerRole\":\"" + analyst + "\"}"),
                "steps[0].phase");
        refusedAt.put("{\"name\":\"" + "n".repeat(121) + "\",\"steps\":[" + good + "]}", "name");
        refusedAt.put(playbook("x", "{\"key\":\"triage\",\"phase\":\"DETECT\",\"title\":\"t\",\"ownerRole\":\""
                + analyst + "\",\"detail\":\"" + "d".repeat(4_001) + "\"}"), "steps[0].detail");
        for (Map.Entry<String, String> refused : refusedAt.entrySet()) {
            as(Roles.ADMIN).body(refused.getKey()).when().put("/api/v1/playbooks/" + type)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains(refused.getValue()));
        }
        as(Roles.ADMIN).body(playbook("x", "{\"key\":\"triage\",\"phase\":\"SOMETIME\",\"title\":\"t\","
                + "\"ownerRole\":\"" + analyst + "\"}")).when().put("/api/v1/playbooks/" + type)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("steps[0].phase"));
        // The replica knows the directory's roles: an owner it does not know is refused.
        as(Roles.ADMIN).body(playbook("x", good, step("contain", "CONTAIN", "Contain", unique("no-such-role"))))
                .when().put("/api/v1/playbooks/" + type)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unknown-role")).body("errors.field", contains("steps[1].ownerRole"));
        as(Roles.ADMIN).body(playbook("x", good)).when().put("/api/v1/playbooks/Not_A_Type")
                .then().statusCode(400).body("errors.field", contains("incidentType"));
        as(Roles.VIEWER).when().get("/api/v1/playbooks/" + type).then().statusCode(404);
        assertThat(audit("playbook", type).getList("action")).isEmpty();
    }

    @Test
    void aRaisedIncidentGetsACopyOfItsPlaybookThatLaterEditsDoNotChange() {
        String analyst = role("analyst");
        String type = unique("ransomware");
        as(Roles.ADMIN).body(playbook("Ransomware response",
                step("isolate-hosts", "CONTAIN", "Isolate the encrypted hosts", analyst),
                step("identify-strain", "ANALYZE", "Identify the strain", analyst),
                step("confirm-encryption", "DETECT", "Confirm files are encrypted", analyst)))
                .when().put("/api/v1/playbooks/" + type).then().statusCode(201);
        UUID incident = UUID.fromString(raise(as(Roles.RESPONDER), type, "HIGH", false));

        as(Roles.VIEWER).when().get("/api/v1/incidents/" + incident).then().statusCode(200)
                .body("phase", equalTo("DETECT")).body("playbookType", equalTo(type));
        JsonPath view = incidentPlaybook(incident);
        assertThat(view.getString("playbookType")).isEqualTo(type);
        assertThat(view.getString("phase")).isEqualTo("DETECT");
        assertThat(view.getInt("stepsTotal")).isEqualTo(3);
        assertThat(view.getInt("stepsDone")).isZero();
        assertThat(view.getList("phases.phase")).containsExactly("DETECT", "ANALYZE", "CONTAIN", "ERADICATE",
                "RECOVER", "POST_INCIDENT");
        assertThat(view.getList("phases.current")).containsExactly(true, false, false, false, false, false);
        assertThat(view.getList("phases[0].steps.key")).containsExactly("confirm-encryption");
        assertThat(view.getList("phases[2].steps.key")).containsExactly("isolate-hosts");
        assertThat(view.getList("phases[3].steps")).isEmpty();
        assertThat(view.getString("phases[2].steps[0].ownerRoleName")).isEqualTo(analyst);
        assertThat(view.getBoolean("phases[2].steps[0].done")).isFalse();
        assertThat(timeline(incident, "playbook").get(0).detail)
                .isEqualTo("playbook 'Ransomware response' (" + type + "): 3 steps");

        // Editing the playbook changes what later incidents get, not this one.
        as(Roles.ADMIN).body(playbook("Ransomware response v2",
                step("isolate-hosts", "CONTAIN", "Isolate the hosts and pull the network cable", analyst),
                step("notify-insurer", "POST_INCIDENT", "Notify the cyber insurer", analyst)))
                .when().put("/api/v1/playbooks/" + type).then().statusCode(200);
        JsonPath unchanged = incidentPlaybook(incident);
        assertThat(unchanged.getInt("stepsTotal")).isEqualTo(3);
        assertThat(unchanged.getString("phases[2].steps[0].title")).isEqualTo("Isolate the encrypted hosts");
        UUID later = UUID.fromString(raise(as(Roles.RESPONDER), type, "HIGH", false));
        assertThat(incidentPlaybook(later).getList("phases.steps.key").toString())
                .isEqualTo("[[], [], [isolate-hosts], [], [], [notify-insurer]]");

        // A type without a playbook of its own gets the * playbook; with neither there are no steps.
        String other = unique("odd-behaviour");
        UUID none = UUID.fromString(raise(as(Roles.RESPONDER), other, "LOW", false));
        as(Roles.VIEWER).when().get("/api/v1/incidents/" + none + "/playbook").then().statusCode(200)
                .body("playbookType", nullValue()).body("stepsTotal", equalTo(0));
        as(Roles.ADMIN).body(playbook("Any incident", step("open-channel", "DETECT", "Open the incident channel",
                analyst))).when().put("/api/v1/playbooks/*").then().statusCode(201);
        try {
            UUID fallback = UUID.fromString(raise(as(Roles.RESPONDER), other, "LOW", false));
            as(Roles.VIEWER).when().get("/api/v1/incidents/" + fallback + "/playbook").then().statusCode(200)
                    .body("playbookType", equalTo("*")).body("phases[0].steps[0].key", equalTo("open-channel"))
                    .body("phases[0].steps[0].playbookType", equalTo("*"))
                    .body("phases[0].steps[0].incidentType", equalTo(other));
        } finally {
            as(Roles.ADMIN).when().delete("/api/v1/playbooks/*").then().statusCode(204);
        }
        as(Roles.VIEWER).when().get("/api/v1/incidents/" + UUID.randomUUID() + "/playbook").then().statusCode(404);
        as(Roles.VIEWER).when().get("/api/v1/incidents/not-a-uuid/playbook").then().statusCode(400);
    }

    @Test
    void aStepIsMarkedDoneOnceOnTheTimelineAndInTheAuditLog() {
        String analyst = role("analyst");
        String login = unique("dana");
        UUID dana = ReplicaFixtures.personWithLogin("Dana Doer", login, analyst);
        String type = unique("credential-compromise");
        as(Roles.ADMIN).body(playbook("Credential compromise",
                step("revoke-sessions", "CONTAIN", "Revoke the account's sessions", analyst),
                step("review-logins", "ANALYZE", "Review the sign-ins of the last 30 days", analyst)))
                .when().put("/api/v1/playbooks/" + type).then().statusCode(201);
        UUID incident = EscalationApi.raise(type, "HIGH");
        String path = "/api/v1/incidents/" + incident + "/playbook/steps/";

        clock.advance(Duration.ofMinutes(4));
        signedIn(login, Roles.RESPONDER).body("{\"note\":\"Revoked in the identity provider\"}")
                .when().post(path + "revoke-sessions/done").then().statusCode(200)
                .body("key", equalTo("revoke-sessions")).body("done", equalTo(true))
                .body("doneBy", equalTo(login)).body("doneContactId", equalTo(dana.toString()))
                .body("doneByName", equalTo("Dana Doer")).body("note", equalTo("Revoked in the identity provider"))
                .body("doneAt", at(clock.instant()));
        // Again: a 409 that says who did it; the first record stays.
        signedIn(unique("other"), Roles.RESPONDER).when().post(path + "revoke-sessions/done")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "step-already-done")).body("errors.field", contains("stepKey"));
        as(Roles.RESPONDER).when().post(path + "no-such-step/done").then().statusCode(404);
        as(Roles.RESPONDER).when().post(path + "Bad_Key/done").then().statusCode(400)
                .body("errors.field", contains("stepKey"));
        as(Roles.RESPONDER).body("{\"note\":\"" + "n".repeat(2_001) + "\"}").when().post(path + "review-logins/done")
                .then().statusCode(400).body("errors.field", contains("note"));
        as(Roles.RESPONDER).body("{\"notes\":\"typo\"}").when().post(path + "review-logins/done")
                .then().statusCode(400);
        as(Roles.VIEWER).when().post(path + "review-logins/done").then().statusCode(403);
        // A calling system marks steps only on incidents it raised (EscalationApi.raise raises as integration-user).
        signedIn("another-monitor", Roles.INTEGRATION).when().post(path + "review-logins/done")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "not-raised-by-caller"));
        as(Roles.INTEGRATION).when().post(path + "review-logins/done").then().statusCode(200)
                .body("doneBy", equalTo("integration-user")).body("doneContactId", nullValue())
                .body("note", nullValue());

        JsonPath view = incidentPlaybook(incident);
        assertThat(view.getInt("stepsDone")).isEqualTo(2);
        assertThat(view.getInt("phases[1].done")).isEqualTo(1);
        List<TimelineEntry> done = timeline(incident, "playbook-step-done");
        assertThat(done).extracting(e -> e.actor).containsExactly(login, "integration-user");
        assertThat(done.get(0).detail).isEqualTo("CONTAIN step revoke-sessions done: Revoke the account's sessions"
                + " (by Dana Doer) - Revoked in the identity provider");
        JsonPath trail = audit("incident", incident.toString());
        assertThat(trail.getList("action")).containsExactly("playbook-step-done", "playbook-step-done", "raised");
        assertThat(trail.getBoolean("[1].before.done")).isFalse();
        assertThat(trail.getBoolean("[1].after.done")).isTrue();
        assertThat(trail.getString("[1].after.key")).isEqualTo("revoke-sessions");
        assertThat(trail.getString("[1].actor")).isEqualTo(login);
    }

    private static double phaseSample(String suffix, String phase, String severity) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^muster_incident_phase_seconds_" + suffix + "\\{([^}]*)\\} (\\S+)$")
                .matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("phase=\"" + phase + "\"") && m.group(1).contains("severity=\"" + severity + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private static void movePhase(UUID incident, String phase, int status) {
        as(Roles.RESPONDER).body("{\"phase\":\"" + phase + "\"}").when()
                .post("/api/v1/incidents/" + incident + "/phase").then().statusCode(status);
    }

    @Test
    void phasesMoveForwardAndBackOnTheTimelineAsEventsAndInTheMetricWithoutDrills() {
        double detectCount = phaseSample("count", "DETECT", "LOW");
        double detectSum = phaseSample("sum", "DETECT", "LOW");
        double analyzeSum = phaseSample("sum", "ANALYZE", "LOW");
        double containCount = phaseSample("count", "CONTAIN", "LOW");
        double containSum = phaseSample("sum", "CONTAIN", "LOW");
        String type = unique("insider");
        UUID incident = UUID.fromString(raise(as(Roles.RESPONDER), type, "LOW", false));

        clock.advance(Duration.ofSeconds(120));
        as(Roles.RESPONDER).body("{\"phase\":\"ANALYZE\"}").when().post("/api/v1/incidents/" + incident + "/phase")
                .then().statusCode(200).body("phase", equalTo("ANALYZE"))
                .body("phaseSince", at(clock.instant()));
        clock.advance(Duration.ofSeconds(300));
        movePhase(incident, "CONTAIN", 200);
        clock.advance(Duration.ofSeconds(60));
        movePhase(incident, "ANALYZE", 200); // back: containment showed the analysis was incomplete
        movePhase(incident, "ANALYZE", 409);
        as(Roles.RESPONDER).body("{\"phase\":\"ANALYZE\"}").when().post("/api/v1/incidents/" + incident + "/phase")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "same-phase"))
                .body("errors.field", contains("phase"));
        as(Roles.VIEWER).body("{\"phase\":\"CONTAIN\"}").when().post("/api/v1/incidents/" + incident + "/phase")
                .then().statusCode(403);
        as(Roles.INTEGRATION).body("{\"phase\":\"CONTAIN\"}").when().post("/api/v1/incidents/" + incident + "/phase")
                .then().statusCode(403);
        as(Roles.RESPONDER).body("{\"phase\":\"LATER\"}").when().post("/api/v1/incidents/" + incident + "/phase")
                .then().statusCode(400).body("errors.field", contains("phase"));
        as(Roles.RESPONDER).body("{}").when().post("/api/v1/incidents/" + incident + "/phase")
                .then().statusCode(400).body("errors.field", contains("phase"));
        clock.advance(Duration.ofSeconds(30));
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(200)
                .body("phase", equalTo("POST_INCIDENT"));
        // After resolve only POST_INCIDENT, where it already is.
        as(Roles.RESPONDER).body("{\"phase\":\"CONTAIN\"}").when().post("/api/v1/incidents/" + incident + "/phase")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "incident-resolved"));
        movePhase(incident, "POST_INCIDENT", 409);

        List<TimelineEntry> changes = timeline(incident, "phase-changed");
        assertThat(changes).extracting(e -> e.detail).containsExactly(
                "DETECT -> ANALYZE after 2 min in DETECT",
                "ANALYZE -> CONTAIN after 5 min in ANALYZE",
                "CONTAIN -> ANALYZE after 1 min in CONTAIN",
                "ANALYZE -> POST_INCIDENT (resolved) after 30 s in ANALYZE");
        assertThat(changes).extracting(e -> e.actor).containsOnly("responder-user");
        List<IncidentPhaseChanged> events = KafkaEvents.all(Topics.INCIDENTS, e -> e.payload()
                instanceof IncidentPhaseChanged c && c.incidentId().equals(incident), 4, WAIT)
                .stream().map(e -> e.payloadAs(IncidentPhaseChanged.class)).toList();
        assertThat(events).extracting(IncidentPhaseChanged::to).containsExactly(IncidentPhase.ANALYZE,
                IncidentPhase.CONTAIN, IncidentPhase.ANALYZE, IncidentPhase.POST_INCIDENT);
        assertThat(events).extracting(IncidentPhaseChanged::secondsInPrevious).containsExactly(120L, 300L, 60L, 30L);
        assertThat(events).extracting(IncidentPhaseChanged::changedBy)
                .containsExactly("responder-user", "responder-user", "responder-user", "muster");
        assertThat(events).extracting(IncidentPhaseChanged::drill).containsOnly(false);
        assertThat(audit("incident", incident.toString()).getList("action"))
                .containsExactly("resolved", "phase-changed", "phase-changed", "phase-changed", "raised");

        // A drill moving through the same phases is not counted.
        UUID drill = UUID.fromString(raise(as(Roles.RESPONDER), type, "LOW", true));
        clock.advance(Duration.ofHours(2));
        movePhase(drill, "CONTAIN", 200);
        clock.advance(Duration.ofHours(2));
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + drill + "/resolve").then().statusCode(200);
        assertThat(KafkaEvents.all(Topics.INCIDENTS, e -> e.payload() instanceof IncidentPhaseChanged c
                && c.incidentId().equals(drill), 2, WAIT)).extracting(e -> e.payloadAs(IncidentPhaseChanged.class)
                .drill()).containsOnly(true);

        assertThat(phaseSample("count", "DETECT", "LOW") - detectCount).isEqualTo(1.0);
        assertThat(phaseSample("sum", "DETECT", "LOW") - detectSum).isCloseTo(120.0, within(0.01));
        assertThat(phaseSample("sum", "ANALYZE", "LOW") - analyzeSum).isCloseTo(330.0, within(0.01));
        assertThat(phaseSample("count", "CONTAIN", "LOW") - containCount).isEqualTo(1.0);
        assertThat(phaseSample("sum", "CONTAIN", "LOW") - containSum).isCloseTo(60.0, within(0.01));
    }

    @Test
    void reclassifyingPagesTheRolesTheNewPlanAddsAndSwapsTheStepsNotDone() {
        String lead = role("lead");
        String legal = unique("legal");
        UUID counsel = ReplicaFixtures.contact("Lena Counsel", 7);
        ReplicaFixtures.roster(legal, counsel);
        UUID onDuty = ReplicaFixtures.contact("Otto Duty", 7);
        String stage = "[" + EscalationApi.stage(600, onDuty) + "]";
        String suspected = EscalationApi.planWithPolicy("HIGH", 0, stage, "\"requiredRoles\":[\"" + lead + "\"]");
        String breach = EscalationApi.planWithPolicy("HIGH", 0, stage,
                "\"requiredRoles\":[\"" + lead + "\",\"" + legal + "\"]");
        as(Roles.ADMIN).body(playbook("Malware",
                step("collect-sample", "DETECT", "Collect a sample", lead),
                step("scan-fleet", "ANALYZE", "Scan the fleet for the hash", lead),
                step("open-channel", "DETECT", "Open the incident channel", lead)))
                .when().put("/api/v1/playbooks/" + suspected).then().statusCode(201);
        as(Roles.ADMIN).body(playbook("Personal-data breach",
                step("open-channel", "DETECT", "Open the incident channel (breach room)", lead),
                step("assess-reporting", "ANALYZE", "Assess whether the breach must be reported within 72 h", legal),
                step("notify-subjects", "RECOVER", "Notify the people affected", legal)))
                .when().put("/api/v1/playbooks/" + breach).then().statusCode(201);
        UUID incident = EscalationApi.raise(suspected, "HIGH");
        assertThat(pagedFor(incident, legal)).isEmpty();
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + incident + "/playbook/steps/collect-sample/done")
                .then().statusCode(200);
        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + incident + "/playbook/steps/open-channel/done")
                .then().statusCode(200);

        as(Roles.RESPONDER).body("{\"incidentType\":\"" + breach + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(200)
                .body("incidentType", equalTo(breach)).body("playbookType", equalTo(breach));

        assertThat(pagedFor(incident, legal)).containsExactly(counsel);
        assertThat(EscalationApi.timelineKinds(incident)).containsSubsequence("reclassified", "role-paged",
                "replanned");
        assertThat(timeline(incident, "reclassified").get(0).detail).isEqualTo(suspected + " -> " + breach
                + "; playbook " + breach + ": 2 steps added, 1 not done replaced, 2 done kept");
        assertThat(timeline(incident, "replanned").get(0).detail).contains(legal + ": paged now");
        IncidentReclassified event = KafkaEvents.all(Topics.INCIDENTS, e -> e.payload()
                instanceof IncidentReclassified r && r.incidentId().equals(incident), 1, WAIT).get(0)
                .payloadAs(IncidentReclassified.class);
        assertThat(event.fromType()).isEqualTo(suspected);
        assertThat(event.toType()).isEqualTo(breach);
        assertThat(event.rolesAdded()).containsExactly(legal);
        assertThat(event.changedBy()).isEqualTo("responder-user");

        // Steps done stay, from the old type; the rest is the new type's playbook.
        JsonPath view = incidentPlaybook(incident);
        assertThat(view.getList("phases[0].steps.key")).containsExactly("collect-sample", "open-channel");
        assertThat(view.getList("phases[0].steps.fromEarlierType")).containsOnly(true);
        assertThat(view.getList("phases[0].steps.incidentType")).containsOnly(suspected);
        assertThat(view.getList("phases[0].steps.title")).contains("Open the incident channel");
        assertThat(view.getList("phases[1].steps.key")).containsExactly("assess-reporting");
        assertThat(view.getBoolean("phases[1].steps[0].fromEarlierType")).isFalse();
        assertThat(view.getList("phases[4].steps.key")).containsExactly("notify-subjects");
        assertThat(view.getInt("stepsTotal")).isEqualTo(4);
        assertThat(view.getInt("stepsDone")).isEqualTo(2);
        JsonPath trail = audit("incident", incident.toString());
        assertThat(trail.getString("[0].action")).isEqualTo("reclassified");
        assertThat(trail.getString("[0].before.incidentType")).isEqualTo(suspected);
        assertThat(trail.getString("[0].after.incidentType")).isEqualTo(breach);

        // Refusals: the same type, a bad type, the wrong caller; none changes anything.
        as(Roles.RESPONDER).body("{\"incidentType\":\"" + breach + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "same-incident-type")).body("errors.field", contains("incidentType"));
        as(Roles.RESPONDER).body("{\"incidentType\":\"Data Breach\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(400)
                .body("errors.field", contains("incidentType"));
        as(Roles.VIEWER).body("{\"incidentType\":\"" + suspected + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(403);
        as(Roles.GAMEDAY).body("{\"incidentType\":\"" + suspected + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(403);
        signedIn("another-monitor", Roles.INTEGRATION).body("{\"incidentType\":\"" + suspected + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "not-raised-by-caller"));
        assertThat(EscalationApi.incident(incident).incidentType).isEqualTo(breach);

        // The raising system may reclassify its own; a reclassification back pages nobody new.
        int pages = EscalationApi.engagements(incident).size();
        as(Roles.INTEGRATION).body("{\"incidentType\":\"" + suspected + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(200);
        assertThat(EscalationApi.engagements(incident)).hasSize(pages);
        assertThat(EscalationApi.engagements(incident)).allMatch(e -> e.status != Engagement.Status.FAILED);

        as(Roles.RESPONDER).when().post("/api/v1/incidents/" + incident + "/resolve").then().statusCode(200);
        as(Roles.RESPONDER).body("{\"incidentType\":\"" + breach + "\"}")
                .when().post("/api/v1/incidents/" + incident + "/type").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "incident-resolved"));
    }

    /**
     * The demo organisation's playbooks (deploy/local/demo/playbooks.json, loaded by {@code muster up}) are accepted
     * as they are, name only roles of the demo directory, and have 3-6 steps in every phase.
     */
    @Test
    void theDemoPlaybooksLoadWithTheDemoDirectorysRoles() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode directory = json.readTree(
                java.nio.file.Path.of("../deploy/local/demo/directory.json").toFile());
        java.util.Set<String> demoRoles = new java.util.TreeSet<>();
        directory.path("people").forEach(p -> p.path("roles").forEach(r -> demoRoles.add(r.asText())));
        directory.path("roles").forEach(r -> demoRoles.add(r.path("key").asText()));
        // The replica knows these roles (nobody holds them here, so no other test pages anyone new).
        demoRoles.forEach(role -> ReplicaFixtures.roster(role));
        com.fasterxml.jackson.databind.JsonNode demo = json.readTree(
                java.nio.file.Path.of("../deploy/local/demo/playbooks.json").toFile());
        List<String> types = new java.util.ArrayList<>();
        demo.fieldNames().forEachRemaining(types::add);
        assertThat(types).containsExactlyInAnyOrder("credential-compromise", "ransomware", "data-breach",
                "security-alert", "*");
        List<String> loaded = new java.util.ArrayList<>();
        try {
            for (String type : types) {
                boolean existed = as(Roles.VIEWER).when().get("/api/v1/playbooks/" + type).statusCode() == 200;
                if (existed) {
                    continue;
                }
                as(Roles.ADMIN).body(demo.get(type).toString()).when().put("/api/v1/playbooks/" + type)
                        .then().statusCode(201);
                loaded.add(type);
                JsonPath stored = as(Roles.VIEWER).when().get("/api/v1/playbooks/" + type).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(demoRoles).containsAll(stored.getList("steps.ownerRole", String.class));
                for (IncidentPhase phase : IncidentPhase.values()) {
                    assertThat(stored.getList("steps.findAll { it.phase == '" + phase + "' }"))
                            .as("%s steps of %s", phase, type).hasSizeBetween(3, 6);
                }
            }
            assertThat(loaded).contains("data-breach");
            as(Roles.VIEWER).when().get("/api/v1/playbooks/data-breach").then().statusCode(200)
                    .body("steps.find { it.key == 'assess-reporting' }.ownerRole", equalTo("legal-counsel"))
                    .body("steps.find { it.key == 'assess-reporting' }.title",
                            org.hamcrest.Matchers.containsString("72 h"));
        } finally {
            loaded.forEach(type -> as(Roles.ADMIN).when().delete("/api/v1/playbooks/" + type));
        }
    }
}
