package io.muster.gameday;

import static io.muster.gameday.DrillRunTest.ANALYST;
import static io.muster.gameday.DrillRunTest.COMMANDER;
import static io.muster.gameday.DrillRunTest.ack;
import static io.muster.gameday.DrillRunTest.at;
import static io.muster.gameday.DrillRunTest.awaitObserved;
import static io.muster.gameday.DrillRunTest.page;
import static io.muster.gameday.DrillRunTest.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.muster.contracts.ChannelType;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.gameday.domain.ActionItem;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.service.RunDispatcher;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunReportAndLessonsTest {

    @Inject
    TestClock clock;

    @Inject
    RunDispatcher dispatcher;

    @AfterEach
    void backToRealTime() {
        clock.useSystemTime();
    }

    /** A finished run: commander acks by email at 90 s, SMS to the analyst failed, an escalation, analyst at 500 s. */
    private GameDayRun finishedRun(Instant start) {
        GameDayRun run = DrillRunTest.startRun(clock, dispatcher, start, "LIVE", null);
        UUID incident = run.incidentId;
        PageRequested commander = page(incident, UUID.randomUUID(), COMMANDER, 1, false);
        PageRequested analyst = page(incident, UUID.randomUUID(), ANALYST, 1, false);
        at(start, 1, commander);
        at(start, 1, analyst);
        at(start, 4, status(commander, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        at(start, 4, status(analyst, ChannelType.SMS, DeliveryStatus.FAILED, 1, "<script>alert(1)</script>"));
        at(start, 90, ack(commander, AckMethod.EMAIL_LINK));
        at(start, 300, new IncidentEscalated(incident, 1, 2, 1, "ack timeout", true));
        at(start, 310, status(analyst, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        at(start, 500, ack(analyst, AckMethod.SMS_REPLY));
        awaitObserved(incident, 8);
        clock.set(start.plusSeconds(501));
        dispatcher.dispatchDue();
        GameDayRun done = DrillRunTest.reload(run.id);
        assertThat(done.status.name()).isEqualTo("COMPLETED");
        return done;
    }

    @Test
    void theReportPageRendersTheScorecardAndTimeline() throws Exception {
        GameDayRun run = finishedRun(Instant.parse("2025-06-23T10:00:00Z"));
        String html = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/report")
                .then().statusCode(200).contentType("text/html").extract().asString();
        // Kept for a look in a browser after the build.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "run-report-sample.html"), html);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>[DRILL] Credential drill");
        assertThat(html).contains("<span class=\"score\" id=\"score\">" + run.readinessScore + " / 100</span>");
        // First ack 90 s against 300 s; all roles at 500 s against 900 s.
        assertThat(html).contains("<td>First acknowledgement</td><td>1 min 30 s (90 s)</td><td>5 min 0 s (300 s)</td>"
                + "<td class=\"met\">met</td>");
        assertThat(html).contains("<td>Every required role acknowledged</td><td>8 min 20 s (500 s)</td>");
        assertThat(html).contains("<li>5 min 0 s (300 s): stage 1 \u2192 2 (ack timeout)</li>");
        assertThat(html).contains("<td>" + COMMANDER + "</td><td>ACKED</td>");
        assertThat(html).contains("@media print", "<p>None recorded yet.</p>");
        // One inline SVG with a lane per role, escalation and failure marks; no script anywhere, input escaped.
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"");
        assertThat(html).contains(">" + COMMANDER + "</text>", ">" + ANALYST + "</text>");
        assertThat(html).contains("class=\"esc\"", "class=\"fail\"", "class=\"ack\"", "class=\"email\"");
        assertThat(html).doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // 50 + 20 + 20 * 2/3 (one of three attempts failed) + 10 - 0 = 93.33 -> 93
        assertThat(run.readinessScore).isEqualTo(93);

        given().when().get("/api/v1/runs/" + run.id + "/report").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.GAMEDAY))
                .when().get("/api/v1/runs/" + run.id + "/report").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + UUID.randomUUID() + "/report").then().statusCode(404);
    }

    @Test
    void lessonsAndActionItemsAreRecordedAndOpenOnesListedAcrossRuns() {
        GameDayRun run = finishedRun(Instant.parse("2025-06-30T10:00:00Z"));
        String title = "Fix the analyst SMS number " + UUID.randomUUID();
        String doneTitle = "Add a second email " + UUID.randomUUID();
        String body = """
                {"wentWell":["Commander answered in 90 s"],"didNotGoWell":["Analyst SMS bounced"],
                 "rootCauses":["The analyst's SMS number was never verified"],
                 "actionItems":[{"title":"%s","owner":"alice@example.com","dueDate":"2025-07-15"},
                                {"title":"%s","owner":"bob","dueDate":"2025-07-01","done":true}]}
                """.formatted(title, doneTitle);
        String path = "/api/v1/runs/" + run.id + "/lessons";

        given().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).contentType(ContentType.JSON).body(body)
                .when().put(path).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.RESPONDER)).contentType(ContentType.JSON).body(body)
                .when().put(path).then().statusCode(200)
                .body("wentWell", contains("Commander answered in 90 s"))
                .body("actionItems.title", contains(title, doneTitle))
                .body("actionItems.done", contains(false, true));
        // An admin replaces them: still two items, not four.
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().put(path).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ActionItem.count("reviewId in (select r.id from Review r where r.runId = ?1)", run.id))).isEqualTo(2);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get(path).then().statusCode(200)
                .body("didNotGoWell", contains("Analyst SMS bounced"));
        String report = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/report").then().statusCode(200).extract().asString();
        assertThat(report).contains("<li>Commander answered in 90 s</li>",
                "<ul id=\"root-causes\"><li>The analyst&#39;s SMS number was never verified</li></ul>",
                "<li>[open] " + title + " \u2014 alice@example.com, due 2025-07-15</li>", "<li>[done] " + doneTitle);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/action-items?open=true")
                .then().statusCode(200)
                .body("title", hasItem(title)).body("title", not(hasItem(doneTitle)))
                .body("find { it.title == '" + title + "' }.runId", equalTo(run.id.toString()))
                .body("find { it.title == '" + title + "' }.dueDate", equalTo("2025-07-15"))
                .body("find { it.title == '" + title + "' }.scenarioId",
                        equalTo(DrillRunTest.CREDENTIAL_COMPROMISE));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/action-items?open=false")
                .then().statusCode(200).body("title", hasItem(doneTitle)).body("title", not(hasItem(title)));
        given().when().get("/api/v1/action-items?open=true").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Roles.INTEGRATION)).when().get("/api/v1/action-items")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/action-items?open=maybe")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("open"));
    }

    @Test
    void badLessonsAreRefusedNamingTheFieldAndChangeNothing() {
        GameDayRun run = finishedRun(Instant.parse("2025-07-07T10:00:00Z"));
        String path = "/api/v1/runs/" + run.id + "/lessons";
        String admin = Tokens.bearer(Roles.ADMIN);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"wentWell\":[\"kept\"],\"actionItems\":[{\"title\":\"keep me\",\"owner\":\"carol\","
                        + "\"dueDate\":\"2025-08-01\"}]}")
                .when().put(path).then().statusCode(200);
        record Case(String body, int status, String field) {
        }
        String longText = "x".repeat(2001);
        List<Case> cases = List.of(
                new Case("{\"actionItems\":[{\"owner\":\"carol\",\"dueDate\":\"2025-08-01\"}]}", 400,
                        "actionItems[0].title"),
                new Case("{\"actionItems\":[{\"title\":\"t\",\"owner\":\" \",\"dueDate\":\"2025-08-01\"}]}", 400,
                        "actionItems[0].owner"),
                new Case("{\"actionItems\":[{\"title\":\"t\",\"owner\":\"carol\"}]}", 400, "actionItems[0].dueDate"),
                new Case("{\"actionItems\":[{\"title\":\"t\",\"owner\":\"carol\",\"dueDate\":\"soon\"}]}", 400,
                        "actionItems[0].dueDate"),
                new Case("{\"wentWell\":[\"" + longText + "\"]}", 400, "wentWell[0]"),
                new Case("{\"didNotGoWell\":[\"\"]}", 400, "didNotGoWell[0]"),
                new Case("{\"lessons\":[]}", 400, "lessons"));
        for (Case c : cases) {
            given().header("Authorization", admin).contentType(ContentType.JSON).body(c.body())
                    .when().put(path)
                    .then().statusCode(c.status()).contentType("application/problem+json")
                    .body("errors.field", contains(c.field()));
        }
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get(path).then().statusCode(200)
                .body("wentWell", contains("kept")).body("actionItems.title", contains("keep me"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/runs/" + UUID.randomUUID() + "/lessons").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
