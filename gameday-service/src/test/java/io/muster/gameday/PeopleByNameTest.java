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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.gameday.domain.ContactReplica;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.service.RunDispatcher;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The directory replica and what it is for in reports: people shown by name, pages by the role they carry. */
@QuarkusTest
class PeopleByNameTest {

    @Inject
    TestClock clock;

    @Inject
    RunDispatcher dispatcher;

    @AfterEach
    void backToRealTime() {
        clock.useSystemTime();
    }

    static ContactSnapshot person(UUID id, String name, List<String> roles, String email, boolean verified) {
        return new ContactSnapshot(id, name, "Europe/London", true, 1, roles, email == null ? List.of()
                : List.of(new ContactSnapshot.Channel(UUID.randomUUID(), ChannelType.EMAIL, email, 1, verified)),
                null);
    }

    static ContactReplica replicaOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ContactReplica.<ContactReplica>findById(id));
    }

    /** Publishes snapshots and waits until the replica holds the last one of each person. */
    static void inDirectory(ContactSnapshot... people) {
        for (ContactSnapshot p : people) {
            KafkaEvents.publish(p);
        }
        for (ContactSnapshot p : people) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ContactReplica r = replicaOf(p.contactId());
                return r != null && r.displayName.equals(p.displayName()) && r.roles.equals(p.roles());
            });
        }
    }

    @Test
    void theReplicaKeepsTheNewestSnapshotOfEachPersonAndForgetsThoseWhoLeave() {
        UUID carol = UUID.randomUUID();
        UUID dan = UUID.randomUUID();
        EventEnvelope renamed = EventEnvelope.of(person(carol, "Carol Jones", List.of(COMMANDER),
                "carol@example.org", true), Instant.now().plusSeconds(60));
        KafkaEvents.republish(renamed);
        KafkaEvents.republish(renamed);
        // Written before the rename but delivered after it: a replay must not undo the rename.
        KafkaEvents.republish(EventEnvelope.of(person(carol, "Carol Smith", List.of(ANALYST), null, false),
                Instant.now()));
        inDirectory(person(dan, "Dan Brown", List.of(ANALYST), "dan@example.org", false));
        KafkaEvents.tombstone(Topics.DIRECTORY, ContactSnapshot.keyOf(dan));
        // Rosters share the topic; they are passed over.
        KafkaEvents.tombstone(Topics.DIRECTORY, "role:" + COMMANDER);

        await().atMost(Duration.ofSeconds(30)).until(() -> replicaOf(dan) == null);
        ContactReplica kept = replicaOf(carol);
        assertThat(kept.displayName).isEqualTo("Carol Jones");
        assertThat(kept.roles).containsExactly(COMMANDER);
        assertThat(kept.emailAddress()).contains("carol@example.org");
    }

    @Test
    void reportsNamePeopleAndShowEveryPageThatCarriesARoleInItsLane() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        inDirectory(person(alice, "Alice Adams", List.of(COMMANDER), null, false),
                person(bob, "Bob <Baker>", List.of(ANALYST), null, false));
        Instant start = Instant.parse("2025-08-11T10:00:00Z");
        GameDayRun run = DrillRunTest.startRun(clock, dispatcher, start, "LIVE", """
                {"unavailableContacts":["%s"]}""".formatted(bob));
        UUID incident = run.incidentId;
        PageRequested commander = page(incident, alice, COMMANDER, 1, false);
        PageRequested analyst = page(incident, bob, ANALYST, 1, false);
        PageRequested direct = page(incident, gone, null, 1, false);
        PageRequested unseen = page(incident, UUID.randomUUID(), ANALYST, 1, false);
        at(start, 1, commander);
        at(start, 1, analyst);
        at(start, 1, direct);
        at(start, 3, status(commander, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        at(start, 2, status(direct, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        // The request of this page never arrives: its status has no role to be shown under.
        at(start, 4, status(unseen, ChannelType.SMS, DeliveryStatus.FAILED, 1, "no route"));
        at(start, 60, ack(commander, AckMethod.API));
        awaitObserved(incident, 7);
        clock.set(start.plusSeconds(1800));
        dispatcher.dispatchDue();
        // After the run's end: shown, not counted, and still in the lane of its page's role.
        at(start, 1900, status(analyst, ChannelType.EMAIL, DeliveryStatus.SENT, 1, null));
        awaitObserved(incident, 8);

        given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/scorecard")
                .then().statusCode(200)
                .body("scorecard.roles[0].ackedBy", equalTo(alice.toString()))
                .body("scorecard.roles[0].ackedByName", equalTo("Alice Adams"))
                .body("scorecard.people.find { it.contactId == '" + alice + "' }.displayName",
                        equalTo("Alice Adams"))
                .body("scorecard.people.find { it.contactId == '" + bob + "' }.displayName",
                        equalTo("Bob <Baker>"))
                .body("scorecard.people.find { it.contactId == '" + gone + "' }.displayName", nullValue())
                .body("faults.unavailableContacts", contains(bob.toString()))
                .body("faults.unavailablePeople.displayName", contains("Bob <Baker>"))
                .body("scorecard.timeline.findAll { it.type == 'PageStatusChanged' }.roleKey",
                        contains(null, COMMANDER, null, ANALYST))
                .body("scorecard.timeline.find { it.time == '2025-08-11T10:31:40Z' }.note",
                        equalTo("ignored: after the run ended"));

        String html = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/runs/" + run.id + "/report").then().statusCode(200).extract().asString();
        assertThat(html).contains("<td title=\"" + alice + "\">Alice Adams</td><td>" + COMMANDER + "</td>");
        assertThat(html).contains("<td>" + COMMANDER + "</td><td>ACKED</td><td>1 s</td><td>1 min 0 s (60 s)</td>"
                + "<td>Alice Adams</td>");
        assertThat(html).contains("Bob &lt;Baker&gt; unavailable");
        assertThat(html).contains("<td title=\"" + gone + "\">" + gone + " (not in the directory)</td>"
                + "<td>named directly</td>");
        // Lanes: the two roles, the page that named a person, and the status whose request never came.
        assertThat(html).contains(">" + COMMANDER + "</text>", ">" + ANALYST + "</text>", ">named directly</text>",
                ">page request not seen</text>");
        assertThat(html).doesNotContain("role unknown").doesNotContain("<Baker>");
        assertThat(html).contains("contact Alice Adams");
    }
}
