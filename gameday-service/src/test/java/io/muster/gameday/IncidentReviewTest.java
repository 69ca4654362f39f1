package io.muster.gameday;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.micrometer.core.instrument.MeterRegistry;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.EventJson;
import io.muster.contracts.Severity;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.gameday.ActionItemSnapshot;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.gameday.domain.Review;
import io.muster.gameday.service.ActionItemReminders;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Post-incident reviews of real incidents: opened on resolve, lessons and owned action items, overdue reminders. */
@QuarkusTest
class IncidentReviewTest {

    @Inject
    TestClock clock;

    @Inject
    ActionItemReminders reminders;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void backToRealTime() {
        clock.useSystemTime();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role)).contentType(ContentType.JSON);
    }

    private static EventEnvelope at(Instant when, Object payload) {
        EventEnvelope envelope = EventEnvelope.of((io.muster.contracts.EventPayload) payload, when);
        KafkaEvents.republish(envelope);
        return envelope;
    }

    private static Optional<Review> reviewOf(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> Review.<Review>find("incidentId", incidentId)
                .firstResultOptional());
    }

    /** A real incident triggered and resolved at {@code start}; returns its review's id once it is opened. */
    private static UUID resolvedIncident(Instant start, String title) {
        UUID incident = UUID.randomUUID();
        at(start, new IncidentTriggered(incident, title, Severity.HIGH, "credential-compromise", "api",
                "dedup-" + incident, false));
        at(start.plusSeconds(3_600), new IncidentResolved(incident, "alice", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> reviewOf(incident).isPresent());
        return reviewOf(incident).orElseThrow().id;
    }

    private static ContactSnapshot person(String name, String email, boolean verified) {
        return PeopleByNameTest.person(UUID.randomUUID(), name, List.of("incident-commander"), email, verified);
    }

    private static Optional<ActionItemSnapshot> snapshot(UUID itemId, ActionItemSnapshot.Status status) {
        return KafkaEvents.first(Topics.GAMEDAY, e -> e.payload() instanceof ActionItemSnapshot s
                && s.actionItemId().equals(itemId) && s.status() == status, Duration.ofSeconds(30))
                .map(e -> e.payloadAs(ActionItemSnapshot.class));
    }

    @Test
    void aResolvedRealIncidentGetsOneReviewWithItsTimelineAndADrillGetsNone() {
        Instant start = Instant.parse("2027-03-01T10:00:00Z");
        UUID incident = UUID.randomUUID();
        UUID drill = UUID.randomUUID();
        // The drill's events travel under the real incident's key (same partition, so read before its resolve).
        for (Object payload : List.of(
                new IncidentTriggered(drill, "[DRILL] x", Severity.LOW, "drill", "gameday", "gameday-x", true),
                new IncidentResolved(drill, "muster-gameday", true))) {
            EventEnvelope envelope = EventEnvelope.of((io.muster.contracts.EventPayload) payload, start);
            KafkaEvents.send(Topics.INCIDENTS, incident.toString(), EventJson.write(envelope));
        }
        at(start, new IncidentTriggered(incident, "Leaked deploy key", Severity.MEDIUM, "credential-compromise",
                "alertmanager", "dedup-" + incident, false));
        at(start.plusSeconds(120), new IncidentAcknowledged(incident, UUID.randomUUID(), "bob", false));
        at(start.plusSeconds(300), new IncidentEscalated(incident, 1, 2, 1, "ack timeout", false));
        at(start.plusSeconds(600), new IncidentSeverityChanged(incident, Severity.MEDIUM, Severity.CRITICAL,
                List.of(), true, true, "bob", false));
        EventEnvelope resolved = at(start.plusSeconds(5_400), new IncidentResolved(incident, "bob", false));
        // Redelivered, and resolved once more under a new event id: still one review.
        KafkaEvents.republish(resolved);
        at(start.plusSeconds(5_500), new IncidentResolved(incident, "carol", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                io.muster.gameday.domain.IncidentTimelineEntry.count("incidentId", incident)) == 6);

        assertThat(reviewOf(drill)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Review.count("incidentId", incident))).isEqualTo(1);
        UUID reviewId = reviewOf(incident).orElseThrow().id;
        as(Roles.VIEWER).when().get("/api/v1/reviews/" + reviewId).then().statusCode(200)
                .body("source", equalTo("INCIDENT"))
                .body("incidentId", equalTo(incident.toString()))
                .body("runId", nullValue())
                .body("title", equalTo("Leaked deploy key"))
                .body("status", equalTo("OPEN"))
                .body("openedAt", equalTo("2027-03-01T11:30:00Z"))
                .body("incident.incidentType", equalTo("credential-compromise"))
                .body("incident.severity", equalTo("CRITICAL"))
                .body("incident.triggeredAt", equalTo("2027-03-01T10:00:00Z"))
                .body("incident.timeline.kind", contains("TRIGGERED", "ACKNOWLEDGED", "ESCALATED",
                        "SEVERITY_CHANGED", "RESOLVED", "RESOLVED"))
                .body("incident.timeline[2].detail", equalTo("stage 1 \u2192 2 (ack timeout)"))
                .body("wentWell", empty())
                .body("actionItems", empty());
        as(Roles.VIEWER).queryParam("since", "2027-03-01T11:00:00Z").when().get("/api/v1/reviews")
                .then().statusCode(200).body("id", hasItem(reviewId.toString()))
                .body("find { it.id == '" + reviewId + "' }.incident.timeline", nullValue());
        as(Roles.VIEWER).queryParam("since", "2027-03-01T11:31:00Z").when().get("/api/v1/reviews")
                .then().statusCode(200).body("id", not(hasItem(reviewId.toString())));
    }

    @Test
    void lessonsAndOwnedActionItemsAreRecordedAnnouncedAndTheReviewCompleted() {
        Instant now = Instant.parse("2027-04-05T09:00:00Z");
        clock.set(now);
        UUID reviewId = resolvedIncident(now.minusSeconds(7_200), "Phished finance mailbox");
        ContactSnapshot dana = person("Dana Owner", MailServer.uniqueEmail("dana"), true);
        ContactSnapshot gone = person("Left Already", null, false);
        PeopleByNameTest.inDirectory(dana);
        UUID incident = reviewIdIncident(reviewId);
        String path = "/api/v1/reviews/" + reviewId + "/lessons";
        String lessons = """
                {"wentWell":["Mailbox locked within 10 minutes"],"didNotGoWell":["MFA reset took an hour"],
                 "rootCauses":["Legacy IMAP left enabled"],
                 "actionItems":[{"title":"Disable IMAP tenant-wide","ownerContactId":"%s","dueDate":"2027-04-20"},
                                {"title":"Write the MFA reset runbook","owner":"identity team","dueDate":"2027-05-01"}]}
                """.formatted(dana.contactId());

        given().contentType(ContentType.JSON).body(lessons).when().put(path).then().statusCode(401);
        as(Roles.VIEWER).body(lessons).when().put(path).then().statusCode(403);
        as(Roles.GAMEDAY).body(lessons).when().put(path).then().statusCode(403);
        JsonPath recorded = as(Roles.RESPONDER).body(lessons).when().put(path).then().statusCode(200)
                .body("rootCauses", contains("Legacy IMAP left enabled"))
                .body("actionItems.title", contains("Disable IMAP tenant-wide", "Write the MFA reset runbook"))
                .body("actionItems.ownerName", contains("Dana Owner", null))
                .body("actionItems.owner", contains(null, "identity team"))
                .body("actionItems.status", contains("OPEN", "OPEN"))
                .body("actionItems.incidentId", contains(incident.toString(), incident.toString()))
                .extract().jsonPath();
        UUID imap = UUID.fromString(recorded.getString("actionItems[0].id"));
        UUID runbook = UUID.fromString(recorded.getString("actionItems[1].id"));
        ActionItemSnapshot announced = snapshot(imap, ActionItemSnapshot.Status.OPEN).orElseThrow();
        assertThat(announced).isEqualTo(new ActionItemSnapshot(imap, ActionItemSnapshot.Source.INCIDENT_REVIEW,
                incident, "Phished finance mailbox", "Disable IMAP tenant-wide", dana.contactId(),
                java.time.LocalDate.parse("2027-04-20"), ActionItemSnapshot.Status.OPEN));

        // Owner not in the directory, a due date in the past, an item of another review: 400 naming the field.
        record Case(String item, String field) {
        }
        for (Case c : List.of(
                new Case("{\"title\":\"t\",\"ownerContactId\":\"" + gone.contactId() + "\",\"dueDate\":\"2027-05-01\"}",
                        "actionItems[0].ownerContactId"),
                new Case("{\"title\":\"t\",\"dueDate\":\"2027-04-04\"}", "actionItems[0].dueDate"),
                new Case("{\"id\":\"" + UUID.randomUUID() + "\",\"title\":\"t\",\"dueDate\":\"2027-05-01\"}",
                        "actionItems[0].id"),
                new Case("{\"title\":\"t\",\"ownerContactId\":\"not-a-uuid\",\"dueDate\":\"2027-05-01\"}",
                        "actionItems[0].ownerContactId"),
                new Case("{\"title\":\"t\",\"owner\":\"" + "o".repeat(201) + "\",\"dueDate\":\"2027-05-01\"}",
                        "actionItems[0].owner"))) {
            as(Roles.RESPONDER).body("{\"actionItems\":[" + c.item() + "]}").when().put(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()));
        }
        as(Roles.VIEWER).when().get("/api/v1/reviews/" + reviewId).then().statusCode(200)
                .body("actionItems.id", contains(imap.toString(), runbook.toString()));

        // Same ids: the IMAP item is done, the runbook item dropped (a tombstone), a new one added.
        as(Roles.RESPONDER).body("""
                {"rootCauses":["Legacy IMAP left enabled"],
                 "actionItems":[{"id":"%s","title":"Disable IMAP tenant-wide","ownerContactId":"%s",
                                 "dueDate":"2027-04-20","done":true},
                                {"title":"Alert on IMAP logins","ownerContactId":"%s","dueDate":"2027-04-30"}]}
                """.formatted(imap, dana.contactId(), dana.contactId())).when().put(path).then().statusCode(200)
                .body("actionItems.id[0]", equalTo(imap.toString()))
                .body("actionItems.done", contains(true, false));
        assertThat(snapshot(imap, ActionItemSnapshot.Status.DONE)).isPresent();
        Optional<ConsumerRecord<String, String>> tombstone = KafkaEvents.record(Topics.GAMEDAY,
                r -> r.value() == null && ActionItemSnapshot.keyOf(runbook).equals(r.key()), Duration.ofSeconds(30));
        assertThat(tombstone).isPresent();

        String complete = "/api/v1/reviews/" + reviewId + "/complete";
        as(Roles.VIEWER).when().post(complete).then().statusCode(403);
        as(Roles.RESPONDER).when().post(complete).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completedAt", equalTo("2027-04-05T09:00:00Z"));
        as(Roles.ADMIN).when().post(complete).then().statusCode(409).contentType("application/problem+json");
        as(Roles.RESPONDER).body("{}").when().put(path).then().statusCode(409);
        as(Roles.VIEWER).queryParam("status", "COMPLETED").when().get("/api/v1/reviews").then().statusCode(200)
                .body("id", hasItem(reviewId.toString()));
        as(Roles.VIEWER).queryParam("status", "OPEN").when().get("/api/v1/reviews").then().statusCode(200)
                .body("id", not(hasItem(reviewId.toString())));

        JsonPath trail = as(Roles.ADMIN).queryParams(Map.of("entityType", "incident-review", "entityId",
                reviewId.toString())).when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("action")).containsExactly("completed", "updated", "updated");
        assertThat(trail.getList("[2].after.actionItems.title")).hasSize(2);
    }

    private static UUID reviewIdIncident(UUID reviewId) {
        return QuarkusTransaction.requiringNew().call(() -> Review.<Review>findById(reviewId).incidentId);
    }

    @Test
    void badReviewRequestsAreRefusedNamingTheField() {
        as(Roles.VIEWER).queryParam("status", "SHELVED").when().get("/api/v1/reviews").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("status"));
        as(Roles.VIEWER).queryParam("since", "yesterday").when().get("/api/v1/reviews").then().statusCode(400)
                .body("errors.field", contains("since"));
        as(Roles.VIEWER).when().get("/api/v1/reviews/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.VIEWER).when().get("/api/v1/reviews/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        as(Roles.RESPONDER).when().post("/api/v1/reviews/" + UUID.randomUUID() + "/complete").then().statusCode(404);
        as(Roles.RESPONDER).when().post("/api/v1/action-items/" + UUID.randomUUID() + "/done").then().statusCode(404);
        as(Roles.INTEGRATION).when().get("/api/v1/reviews").then().statusCode(403);
        given().when().get("/api/v1/reviews").then().statusCode(401);
        UUID reviewId = resolvedIncident(Instant.now().minusSeconds(7_200), "Empty review");
        as(Roles.RESPONDER).when().post("/api/v1/reviews/" + reviewId + "/complete").then().statusCode(409)
                .body("errors.field", contains("lessons"));
        as(Roles.RESPONDER).body("{\"rootCauses\":[\"" + "x".repeat(2001) + "\"]}")
                .when().put("/api/v1/reviews/" + reviewId + "/lessons").then().statusCode(400)
                .body("errors.field", contains("rootCauses[0]"));
    }

    @Test
    void theOwnerOfAnOverdueItemIsRemindedOncePerDayUntilItIsDone() throws Exception {
        Instant created = Instant.parse("2028-06-01T08:00:00Z");
        clock.set(created);
        UUID reviewId = resolvedIncident(created.minusSeconds(7_200), "Exposed storage bucket");
        String email = MailServer.uniqueEmail("erin");
        ContactSnapshot erin = person("Erin Owner", email, true);
        ContactSnapshot noMail = person("Frank Nomail", MailServer.uniqueEmail("frank"), false);
        PeopleByNameTest.inDirectory(erin, noMail);
        UUID item = UUID.fromString(as(Roles.RESPONDER).body("""
                {"actionItems":[{"title":"Block public buckets by policy","ownerContactId":"%s","dueDate":"2028-06-02"},
                                {"title":"Tag bucket owners","ownerContactId":"%s","dueDate":"2028-06-02"}]}
                """.formatted(erin.contactId(), noMail.contactId()))
                .when().put("/api/v1/reviews/" + reviewId + "/lessons").then().statusCode(200)
                .extract().path("actionItems[0].id"));
        double sentBefore = registry.counter("muster.action.item.reminders", "outcome", "sent").count();
        double noAddressBefore = registry.counter("muster.action.item.reminders", "outcome", "no_address").count();

        // Due on the 2nd: not overdue that day.
        clock.set(Instant.parse("2028-06-02T23:00:00Z"));
        reminders.remindOverdue();
        assertThat(MailServer.mailTo(email)).isEmpty();

        clock.set(Instant.parse("2028-06-03T07:00:00Z"));
        reminders.remindOverdue();
        clock.set(Instant.parse("2028-06-03T18:00:00Z"));
        reminders.remindOverdue();
        List<MimeMessage> mail = MailServer.mailTo(email);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Overdue action item: Block public buckets by policy");
        assertThat(MailServer.text(mail.get(0))).contains("Hello Erin Owner,", "was due on 2028-06-02",
                "(1 day overdue)", "incident \"Exposed storage bucket\"", item.toString());
        assertThat(registry.counter("muster.action.item.reminders", "outcome", "sent").count() - sentBefore)
                .isEqualTo(1.0);
        assertThat(registry.counter("muster.action.item.reminders", "outcome", "no_address").count()
                - noAddressBefore).isEqualTo(1.0);
        as(Roles.VIEWER).when().get("/api/v1/action-items?open=true").then().statusCode(200)
                .body("find { it.id == '" + item + "' }.overdue", equalTo(true))
                .body("find { it.id == '" + item + "' }.lastRemindedOn", equalTo("2028-06-03"));

        // Next day, two replicas' passes at once: one reminder between them.
        clock.set(Instant.parse("2028-06-04T07:00:00Z"));
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(reminders::remindOverdue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(reminders::remindOverdue);
        one.get(30, TimeUnit.SECONDS);
        two.get(30, TimeUnit.SECONDS);
        assertThat(MailServer.mailTo(email)).hasSize(2);
        assertThat(MailServer.text(MailServer.mailTo(email).get(1))).contains("(2 days overdue)");

        as(Roles.VIEWER).when().post("/api/v1/action-items/" + item + "/done").then().statusCode(403);
        as(Roles.RESPONDER).when().post("/api/v1/action-items/" + item + "/done").then().statusCode(200)
                .body("status", equalTo("DONE")).body("overdue", equalTo(false));
        assertThat(snapshot(item, ActionItemSnapshot.Status.DONE)).isPresent();
        clock.set(Instant.parse("2028-06-05T07:00:00Z"));
        reminders.remindOverdue();
        assertThat(MailServer.mailTo(email)).hasSize(2);
        assertThat(registry.counter("muster.action.item.reminders", "outcome", "sent").count() - sentBefore)
                .isEqualTo(2.0);
        // The metric as Prometheus scrapes it.
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("muster_action_item_reminders_total{outcome=\"sent\"");
    }
}
