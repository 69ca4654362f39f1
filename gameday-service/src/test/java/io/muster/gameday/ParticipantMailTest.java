package io.muster.gameday;

import static io.muster.gameday.DrillRunTest.at;
import static io.muster.gameday.DrillRunTest.awaitObserved;
import static io.muster.gameday.DrillRunTest.page;
import static io.muster.gameday.MailServer.mailTo;
import static io.muster.gameday.MailServer.text;
import static io.muster.gameday.MailServer.uniqueEmail;
import static io.muster.gameday.PeopleByNameTest.inDirectory;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.ParticipantMail;
import io.muster.gameday.service.ParticipantMailer;
import io.muster.gameday.service.RunDispatcher;
import io.muster.platform.security.Roles;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notices before runs and injects during them, emailed through a real SMTP server to the people the directory
 * replica knows. Each test has its own role keys, so nobody else's game day writes to its people, and its own
 * dates in 2025.
 */
@QuarkusTest
class ParticipantMailTest {

    @Inject
    TestClock clock;

    @Inject
    RunDispatcher dispatcher;

    @Inject
    ParticipantMailer mailer;

    @Inject
    EntityManager em;

    @AfterEach
    void backToRealTime() {
        clock.useSystemTime();
    }

    /** Role keys no other test uses. */
    static String role(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ContactSnapshot person(UUID id, String name, boolean active, List<String> roles,
            List<ContactSnapshot.Channel> channels) {
        return new ContactSnapshot(id, name, "Europe/London", active, 1, roles, channels, null);
    }

    static ContactSnapshot.Channel email(String address, int preference, boolean verified) {
        return new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, address, preference, verified);
    }

    /** A scenario with the given roles and injects (JSON array); returns its id. */
    static String scenario(List<String> roles, String injects) {
        String slug = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"slug":"%s","name":"Phished payroll admin","description":"A payroll admin entered SSO credentials
                 on a look-alike page.","incidentType":"credential-compromise","severity":"HIGH",
                 "expectedRoles":["%s"],"targetFirstAckSeconds":300,"targetAllRolesSeconds":900,"injects":%s}
                """.formatted(slug, String.join("\",\"", roles), injects).replace("\n", " ");
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/scenarios").then().statusCode(201).extract().path("id");
    }

    static String gameDay(String scenarioId, String startsAt, String timeZone, String mode, String extra) {
        String body = """
                {"scenarioId":"%s","title":"Payroll drill","startsAt":"%s","timeZone":"%s","mode":"%s",
                 "timeLimitMinutes":30%s}""".formatted(scenarioId, startsAt, timeZone, mode, extra);
        return given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/gamedays").then().statusCode(201).extract().path("id");
    }

    static GameDayRun runOf(String gameDayId) {
        return QuarkusTransaction.requiringNew().call(() -> GameDayRun
                .<GameDayRun>find("gameDayId", UUID.fromString(gameDayId)).firstResult());
    }

    /** Moves the clock and lets both timers do what is due, as their ticks would. */
    void tick(Instant now) {
        clock.set(now);
        dispatcher.dispatchDue();
        mailer.sendDue();
    }

    static String header(MimeMessage message, String name) throws Exception {
        return message.getHeader(name)[0];
    }

    @Test
    void eachHolderOfTheGameDaysRolesIsEmailedOneNoticeAtItsNoticeTime() throws Exception {
        String commander = role("commander");
        String analyst = role("analyst");
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        String aliceMail = uniqueEmail("alice");
        String bobMail = uniqueEmail("bob");
        String bobUnverified = uniqueEmail("bob-old");
        String carolMail = uniqueEmail("carol");
        String erinMail = uniqueEmail("erin");
        inDirectory(person(alice, "Alice Adams", true, List.of(commander), List.of(email(aliceMail, 1, true))),
                // The verified address is used, even though the unverified one is preferred.
                person(bob, "Bob Baker", true, List.of("payroll-owner", analyst),
                        List.of(email(bobUnverified, 1, false), email(bobMail, 2, true))),
                person(UUID.randomUUID(), "Carol Cole", false, List.of(commander),
                        List.of(email(carolMail, 1, true))),
                person(dan, "Dan Dale", true, List.of(analyst), List.of()),
                person(UUID.randomUUID(), "Erin Ellis", true, List.of(role("bystander")),
                        List.of(email(erinMail, 1, true))));

        clock.set(Instant.parse("2025-08-25T00:00:00Z"));
        String scenarioId = scenario(List.of(commander, analyst), "[]");
        // 09:00 in London in summer is 08:00 UTC; the notice is due an hour before, at 07:00 UTC.
        String gameDayId = gameDay(scenarioId, "2025-09-01T09:00", "Europe/London", "LIVE",
                ",\"noticeMinutes\":60,\"team\":\"payroll-blue\"");
        GameDayRun run = runOf(gameDayId);

        tick(Instant.parse("2025-09-01T06:59:59Z"));
        assertThat(mailTo(aliceMail)).isEmpty();
        tick(Instant.parse("2025-09-01T07:00:00Z"));
        List<MimeMessage> toAlice = mailTo(aliceMail);
        assertThat(toAlice).hasSize(1);
        MimeMessage notice = toAlice.get(0);
        assertThat(notice.getSubject()).isEqualTo("[DRILL] Game day notice: Phished payroll admin, "
                + "Monday 1 September 2025, 09:00 Europe/London (BST)");
        assertThat(header(notice, "Message-ID")).isEqualTo("<gameday-notice-" + run.id + "-" + alice
                + "@muster.gameday>");
        assertThat(notice.getFrom()[0].toString()).contains("gameday@localhost");
        assertThat(text(notice)).contains("Hello Alice Adams,", "Scenario:   Phished payroll admin",
                "Starts:     Monday 1 September 2025, 09:00 Europe/London (BST)", "Mode:       LIVE",
                "(team payroll-blue)", "You hold:   " + commander);
        assertThat(mailTo(bobMail)).hasSize(1);
        assertThat(text(mailTo(bobMail).get(0))).contains("You hold:   " + analyst);
        assertThat(mailTo(bobUnverified)).isEmpty();
        // Inactive people and people holding none of the roles take no part.
        assertThat(mailTo(carolMail)).isEmpty();
        assertThat(mailTo(erinMail)).isEmpty();

        // Another pass, and a second planner that lost the record of having planned (a restore, another replica):
        // the unique message key keeps it to one notice per run and person.
        tick(Instant.parse("2025-09-01T07:00:05Z"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE game_day_run SET notices_planned_at = NULL WHERE id = ?1").setParameter(1, run.id)
                .executeUpdate());
        tick(Instant.parse("2025-09-01T07:00:10Z"));
        assertThat(mailTo(aliceMail)).hasSize(1);
        assertThat(mailTo(bobMail)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ParticipantMail.count("runId", run.id)))
                .isEqualTo(3);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard").then().statusCode(200)
                .body("notices.displayName", containsInAnyOrder("Alice Adams", "Bob Baker", "Dan Dale"))
                .body("notices.find { it.contactId == '" + alice + "' }.outcome", equalTo("SENT"))
                .body("notices.find { it.contactId == '" + alice + "' }.sentAt", equalTo("2025-09-01T07:00:00Z"))
                // Nobody can write to Dan: he has no verified email address.
                .body("notices.find { it.contactId == '" + dan + "' }.outcome", equalTo("NO_ADDRESS"));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/gamedays/" + gameDayId)
                .then().statusCode(200);
    }

    @Test
    void aGameDayThatAsksParticipantsToConfirmTheirAccessAndToolsSaysSoInEachNotice() throws Exception {
        String commander = role("commander");
        UUID alice = UUID.randomUUID();
        String aliceMail = uniqueEmail("alice");
        inDirectory(person(alice, "Alice Adams", true, List.of(commander), List.of(email(aliceMail, 1, true))));
        clock.set(Instant.parse("2025-10-01T00:00:00Z"));
        String scenarioId = scenario(List.of(commander), "[]");

        // The request travels in the notice, so a game day without one cannot ask.
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"scenarioId":"%s","startsAt":"2025-10-06T10:00","timeZone":"UTC","mode":"SILENT",
                         "confirmPreparedness":true}""".formatted(scenarioId))
                .when().post("/api/v1/gamedays").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("confirmPreparedness"));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"scenarioId":"%s","startsAt":"2025-10-06T10:00","timeZone":"UTC","mode":"SILENT",
                         "noticeMinutes":60,"confirmPreparedness":"sure"}""".formatted(scenarioId))
                .when().post("/api/v1/gamedays").then().statusCode(400)
                .contentType("application/problem+json");

        String asking = gameDay(scenarioId, "2025-10-06T10:00", "UTC", "SILENT",
                ",\"noticeMinutes\":60,\"confirmPreparedness\":true");
        String plain = gameDay(scenarioId, "2025-10-07T10:00", "UTC", "SILENT", ",\"noticeMinutes\":60");
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/gamedays/" + asking)
                .then().statusCode(200).body("confirmPreparedness", equalTo(true));
        given().header("Authorization", Tokens.bearer(Roles.VIEWER)).when().get("/api/v1/gamedays/" + plain)
                .then().statusCode(200).body("confirmPreparedness", equalTo(false));

        tick(Instant.parse("2025-10-06T09:00:00Z"));
        List<MimeMessage> first = mailTo(aliceMail);
        assertThat(first).hasSize(1);
        assertThat(text(first.get(0))).contains("Hello Alice Adams,",
                "confirm that the access and tools your roles need are in place",
                "GET http://localhost:8081/api/v1/people/" + alice + "/preparedness",
                "PUT http://localhost:8081/api/v1/people/" + alice + "/preparedness/{itemKey}",
                "/people/" + alice + "/preparedness");

        tick(Instant.parse("2025-10-07T09:00:00Z"));
        List<MimeMessage> both = mailTo(aliceMail);
        assertThat(both).hasSize(2);
        assertThat(both).filteredOn(m -> !text(m).contains("/preparedness")).hasSize(1);
        for (String id : List.of(asking, plain)) {
            given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/gamedays/" + id)
                    .then().statusCode(200);
        }
    }

    @Test
    void injectsGoToThePeoplePagedForTheirAudienceOnceEachAndShowInTheReport() throws Exception {
        String commander = role("commander");
        String analyst = role("analyst");
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID dave = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        String aliceMail = uniqueEmail("alice");
        String bobMail = uniqueEmail("bob");
        String daveMail = uniqueEmail("dave");
        inDirectory(person(alice, "Alice Adams", true, List.of(commander), List.of(email(aliceMail, 1, true))),
                person(bob, "Bob Baker", true, List.of(analyst), List.of(email(bobMail, 1, true))),
                person(dave, "Dave Dunn", true, List.of(analyst), List.of(email(daveMail, 1, true))));

        Instant start = Instant.parse("2025-09-08T10:00:00Z");
        clock.set(start.minusSeconds(86_400));
        String scenarioId = scenario(List.of(commander, analyst), """
                [{"atSeconds":120,"audience":"all","message":"The attacker posts payroll data on a paste site."},
                 {"atSeconds":300,"audience":"%s","message":"Finance asks whether salaries were changed."}]
                """.formatted(analyst));
        String gameDayId = gameDay(scenarioId, "2025-09-08T10:00", "UTC", "LIVE", "");
        tick(start);
        GameDayRun run = runOf(gameDayId);
        assertThat(run.status.name()).isEqualTo("RUNNING");
        at(start, 1, page(run.incidentId, alice, commander, 1, false));
        at(start, 1, page(run.incidentId, bob, analyst, 1, false));
        // Paged without a role and no longer in the directory: counted among everyone, but nobody to write to.
        at(start, 1, page(run.incidentId, gone, null, 1, false));
        awaitObserved(run.incidentId, 3);

        tick(start.plusSeconds(119));
        assertThat(mailTo(aliceMail)).isEmpty();
        tick(start.plusSeconds(120));
        assertThat(mailTo(aliceMail)).hasSize(1);
        assertThat(mailTo(bobMail)).hasSize(1);
        MimeMessage toAlice = mailTo(aliceMail).get(0);
        assertThat(toAlice.getSubject()).isEqualTo("[DRILL] Payroll drill: inject for everyone taking part");
        assertThat(text(toAlice)).contains("Hello Alice Adams,", "2 minutes after it started",
                "The attacker posts payroll data on a paste site.", "You were paged for: " + commander);

        // Dave is paged for the analyst role later, at the second stage.
        at(start, 250, page(run.incidentId, dave, analyst, 2, false));
        awaitObserved(run.incidentId, 3 + 3 + 1);
        tick(start.plusSeconds(300));
        tick(start.plusSeconds(301));
        assertThat(mailTo(aliceMail)).hasSize(1);
        assertThat(mailTo(bobMail)).extracting(MimeMessage::getSubject).containsExactly(
                "[DRILL] Payroll drill: inject for everyone taking part",
                "[DRILL] Payroll drill: inject for the " + analyst + " role");
        // Paged after the first inject's time: he is sent it too, once, as well as the second.
        assertThat(mailTo(daveMail)).hasSize(2);
        assertThat(header(mailTo(daveMail).get(1), "Message-ID")).isEqualTo("<gameday-inject-" + run.id + "-1-"
                + dave + "@muster.gameday>");

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard").then().statusCode(200)
                .body("scorecard.injects.size()", equalTo(6))
                .body("scorecard.injects.findAll { it.at == 120 }.displayName",
                        containsInAnyOrder("Alice Adams", "Bob Baker", null))
                .body("scorecard.injects.find { it.contactId == '" + gone + "' }.outcome", equalTo("NO_ADDRESS"))
                .body("scorecard.injects.findAll { it.audience == '" + analyst + "' }.displayName",
                        containsInAnyOrder("Bob Baker", "Dave Dunn"))
                .body("scorecard.injects.findAll { it.outcome == 'SENT' }.size()", equalTo(5))
                .body("scorecard.counts.pagesRequested", equalTo(4));
        String html = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/report").then().statusCode(200).extract().asString();
        assertThat(html).contains("<li>2 min 0 s (120 s): to everyone paged, Alice Adams: emailed \u2014 The attacker"
                + " posts payroll data on a paste site.</li>");
        assertThat(html).contains("<li>5 min 0 s (300 s): to " + analyst + ", Bob Baker: emailed \u2014 Finance asks"
                + " whether salaries were changed.</li>");
        assertThat(html).contains(gone + " (not in the directory): not sent: no verified email address");
        assertThat(html).contains("class=\"inject-all\"", "class=\"inject\"");
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/gamedays/" + gameDayId)
                .then().statusCode(200);
    }

    @Test
    void aSilentRunRecordsItsInjectsAndEmailsNobodyButItsNoticeStillGoesOut() throws Exception {
        String commander = role("commander");
        UUID alice = UUID.randomUUID();
        String aliceMail = uniqueEmail("alice");
        inDirectory(person(alice, "Alice Adams", true, List.of(commander), List.of(email(aliceMail, 1, true))));
        Instant start = Instant.parse("2025-09-15T10:00:00Z");
        clock.set(start.minusSeconds(86_400));
        String scenarioId = scenario(List.of(commander), """
                [{"atSeconds":60,"audience":"%s","message":"The CFO wants a status update."}]""".formatted(commander));
        String gameDayId = gameDay(scenarioId, "2025-09-15T10:00", "UTC", "SILENT", ",\"noticeMinutes\":15");
        tick(start.minusSeconds(900));
        assertThat(mailTo(aliceMail)).singleElement().satisfies(m -> assertThat(text(m))
                .contains("Mode:       SILENT - a tabletop exercise: pages are recorded but none is sent"));
        tick(start);
        GameDayRun run = runOf(gameDayId);
        at(start, 1, page(run.incidentId, alice, commander, 1, true));
        awaitObserved(run.incidentId, 1);
        tick(start.plusSeconds(60));
        tick(start.plusSeconds(61));
        assertThat(mailTo(aliceMail)).hasSize(1);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard").then().statusCode(200)
                .body("scorecard.injects.outcome", org.hamcrest.Matchers.contains("SUPPRESSED"))
                .body("scorecard.injects[0].message", equalTo("The CFO wants a status update."));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/gamedays/" + gameDayId)
                .then().statusCode(200);
    }

    @Test
    void aSendThatFailsIsRetriedWithGrowingWaitsAndGivenUpAfterItsAttempts() throws Exception {
        String commander = role("commander");
        UUID frank = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        String graceMail = uniqueEmail("grace");
        // No SMTP client will take this address: every attempt fails.
        inDirectory(person(frank, "Frank Ford", true, List.of(commander), List.of(email("frank at example", 1, true))),
                person(grace, "Grace Gray", true, List.of(commander), List.of(email(graceMail, 1, true))));
        Instant start = Instant.parse("2025-09-22T10:00:00Z");
        clock.set(start.minusSeconds(86_400));
        String scenarioId = scenario(List.of(commander), """
                [{"atSeconds":60,"audience":"all","message":"Legal asks for a timeline."}]""");
        String gameDayId = gameDay(scenarioId, "2025-09-22T10:00", "UTC", "LIVE", "");
        tick(start);
        GameDayRun run = runOf(gameDayId);
        at(start, 1, page(run.incidentId, frank, commander, 1, false));
        at(start, 1, page(run.incidentId, grace, commander, 1, false));
        awaitObserved(run.incidentId, 2);

        String key = "gameday-inject-" + run.id + "-0-" + frank;
        tick(start.plusSeconds(60));
        // The failure holds up nobody else.
        assertThat(mailTo(graceMail)).hasSize(1);
        ParticipantMail first = QuarkusTransaction.requiringNew().call(() -> ParticipantMail.find("messageKey", key)
                .<ParticipantMail>firstResult());
        assertThat(first.state).isEqualTo(ParticipantMail.State.PENDING);
        assertThat(first.attempts).isEqualTo(1);
        assertThat(first.lastError).isNotBlank();
        // Retries after 10 s, then 20, 40 and 80 s (test retry delay 10 s, doubling); the fifth attempt is the last.
        assertThat(first.dueAt).isEqualTo(start.plusSeconds(70));
        for (long at : new long[] {69, 70, 90, 130, 210, 1000}) {
            tick(start.plusSeconds(at));
        }
        ParticipantMail last = QuarkusTransaction.requiringNew().call(() -> ParticipantMail.find("messageKey", key)
                .<ParticipantMail>firstResult());
        assertThat(last.state).isEqualTo(ParticipantMail.State.FAILED);
        assertThat(last.attempts).isEqualTo(5);
        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard").then().statusCode(200)
                .body("scorecard.injects.find { it.contactId == '" + frank + "' }.outcome", equalTo("FAILED"))
                .body("scorecard.injects.find { it.contactId == '" + frank + "' }.at", equalTo(210));
        given().header("Authorization", Tokens.bearer(Roles.ADMIN)).when().delete("/api/v1/gamedays/" + gameDayId)
                .then().statusCode(200);
    }
}
