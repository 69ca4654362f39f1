package io.muster.directory;

import static io.muster.directory.DirectoryApi.createPerson;
import static io.muster.directory.DirectoryApi.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.gameday.ActionItemSnapshot;
import io.muster.contracts.plans.PlanDocumentStatus;
import io.muster.platform.security.Roles;
import io.muster.testsupport.KafkaEvents;
import io.muster.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readiness from what other services publish: review action items and the plan document's status. */
@QuarkusTest
class ReadinessInputsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;

    private static List<Map<String, Object>> findingsAbout(String subjectId) {
        List<Map<String, Object>> findings = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/readiness")
                .then().statusCode(200).extract().path("findings");
        return findings.stream().filter(f -> subjectId.equals(f.get("subjectId"))).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ActionItemSnapshot item(UUID id, UUID owner, LocalDate dueOn, ActionItemSnapshot.Status status) {
        return new ActionItemSnapshot(id, ActionItemSnapshot.Source.INCIDENT_REVIEW, UUID.randomUUID(),
                "Ransomware on db-7", "Rotate the backup operator's keys", owner, dueOn, status);
    }

    private static void awaitCodes(String subjectId, String... codes) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(findingsAbout(subjectId))
                .extracting(f -> f.get("code")).containsExactly((Object[]) codes));
    }

    @Test
    void anOpenActionItemIsFoundAndBecomesOverdueOnceItsDueDatePasses() {
        UUID owner = createPerson(uniqueName("Item Owner"), "");
        String ownerName = given().header("Authorization", Tokens.bearer(Roles.VIEWER))
                .when().get("/api/v1/people/" + owner).then().statusCode(200).extract().path("displayName");
        UUID id = UUID.randomUUID();
        EventEnvelope open = KafkaEvents.publish(item(id, owner, today().plusDays(1), ActionItemSnapshot.Status.OPEN));
        awaitCodes(id.toString(), "ACTION_ITEM_OPEN");
        Map<String, Object> finding = findingsAbout(id.toString()).get(0);
        assertThat(finding.get("severity")).isEqualTo("LOW");
        assertThat(finding.get("subjectType")).isEqualTo("action-item");
        assertThat(finding.get("subjectName")).isEqualTo("Rotate the backup operator's keys");
        assertThat((String) finding.get("message")).contains("Ransomware on db-7").contains("owned by " + ownerName);

        clock.advance(Duration.ofDays(2));
        awaitCodes(id.toString(), "ACTION_ITEM_OVERDUE");
        assertThat(findingsAbout(id.toString()).get(0).get("severity")).isEqualTo("MEDIUM");

        KafkaEvents.publish(item(id, owner, today().minusDays(1), ActionItemSnapshot.Status.DONE));
        awaitCodes(id.toString());
        // The open snapshot delivered again (same event id) is applied once only: the item stays done.
        KafkaEvents.republish(open);
        UUID marker = UUID.randomUUID();
        KafkaEvents.publish(item(marker, null, null, ActionItemSnapshot.Status.OPEN));
        awaitCodes(marker.toString(), "ACTION_ITEM_OPEN");
        assertThat(findingsAbout(id.toString())).isEmpty();
        assertThat((String) findingsAbout(marker.toString()).get(0).get("message")).contains("nobody owns it");
    }

    @Test
    void aTombstoneDeletesAnActionItemAndGameDayRunsAreLeftAlone() {
        UUID id = UUID.randomUUID();
        KafkaEvents.publish(item(id, null, today().plusDays(30), ActionItemSnapshot.Status.OPEN));
        awaitCodes(id.toString(), "ACTION_ITEM_OPEN");
        // Other records of the game-day topic (runs, their tombstones, text that is no event) change nothing here.
        KafkaEvents.tombstone(Topics.GAMEDAY, UUID.randomUUID().toString());
        KafkaEvents.send(Topics.GAMEDAY, "action-item:not-a-uuid", null);
        KafkaEvents.send(Topics.GAMEDAY, ActionItemSnapshot.keyOf(id), "{not json");
        KafkaEvents.tombstone(Topics.GAMEDAY, ActionItemSnapshot.keyOf(id));
        awaitCodes(id.toString());
    }

    @Test
    void thePlanIsFoundNeverPublishedThenOverdueForReviewOnAMovedClock() {
        String plan = PlanDocumentStatus.KEY;
        KafkaEvents.publish(new PlanDocumentStatus(null, null, null, null));
        awaitCodes(plan, "PLAN_NOT_PUBLISHED");
        assertThat(findingsAbout(plan).get(0).get("severity")).isEqualTo("HIGH");

        KafkaEvents.publish(new PlanDocumentStatus(3, Instant.now(), "ciso@example.com", today().plusDays(1)));
        awaitCodes(plan);

        clock.advance(Duration.ofDays(2));
        awaitCodes(plan, "PLAN_REVIEW_OVERDUE");
        Map<String, Object> overdue = findingsAbout(plan).get(0);
        assertThat(overdue.get("severity")).isEqualTo("MEDIUM");
        assertThat((String) overdue.get("message")).contains("version 3").contains("ciso@example.com");

        KafkaEvents.publish(new PlanDocumentStatus(4, Instant.now(), "ciso@example.com", today().plusDays(180)));
        awaitCodes(plan);
        KafkaEvents.tombstone(Topics.PLANS, plan);
        awaitCodes(plan, "PLAN_NOT_PUBLISHED");
        // Leave the plan published for the tests that run after this one.
        KafkaEvents.publish(new PlanDocumentStatus(5, Instant.now(), "ciso@example.com", today().plusDays(365)));
        awaitCodes(plan);
    }
}
