package io.muster.directory;

import static io.muster.directory.DirectoryApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Topics;
import io.muster.contracts.directory.ReadinessSnapshot;
import io.muster.directory.service.ReadinessPublication;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The findings published on the directory topic for the plan document: once per change, never the same twice. */
@QuarkusTest
class ReadinessPublicationTest {

    @Inject
    ReadinessPublication publication;

    @Inject
    MutableClock clock;

    private static Predicate<EventEnvelope> snapshotWith(String code, String subjectId, String subjectName) {
        return e -> e.payload() instanceof ReadinessSnapshot s && e.key().equals(ReadinessSnapshot.KEY)
                && s.findings().stream().anyMatch(f -> f.code().equals(code) && f.subjectId().equals(subjectId)
                        && f.subjectName().equals(subjectName));
    }

    private static List<EventEnvelope> published(Predicate<EventEnvelope> match, int atLeast) {
        return KafkaEvents.all(Topics.DIRECTORY, match, atLeast, Duration.ofSeconds(30));
    }

    private static String roleJson(String name) {
        return "{\"name\":\"%s\",\"defaultEscalationLevel\":2,\"notificationPriority\":1}".formatted(name);
    }

    @Test
    void aChangeToTheFindingsIsPublishedOnceAndAChangeThatLeavesThemAsTheyWereIsNot() {
        String role = "r" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(roleJson("Unstaffed role").replace("{", "{\"key\":\"" + role + "\","))
                .when().post("/api/v1/roles").then().statusCode(201);

        // Nobody holds the new role: a CRITICAL finding, published soon after the change without any call.
        Predicate<EventEnvelope> first = snapshotWith("ROLE_UNDERSTAFFED", role, "Unstaffed role");
        assertThat(published(first, 1)).hasSize(1);
        assertThat(publication.publishIfChanged().published()).as("the same findings again").isFalse();

        // A change through the API that leaves the findings as they were publishes nothing.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(roleJson("Unstaffed role"))
                .when().put("/api/v1/roles/" + role).then().statusCode(200);
        assertThat(publication.publishIfChanged().published()).isFalse();

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(roleJson("Renamed role"))
                .when().put("/api/v1/roles/" + role).then().statusCode(200);
        Predicate<EventEnvelope> renamed = snapshotWith("ROLE_UNDERSTAFFED", role, "Renamed role");
        assertThat(published(renamed, 1)).hasSize(1);
        assertThat(publication.publishIfChanged().published()).isFalse();
        assertThat(published(first, 1)).as("the first findings were published once").hasSize(1);

        EventEnvelope latest = published(renamed, 1).get(0);
        ReadinessSnapshot snapshot = latest.payloadAs(ReadinessSnapshot.class);
        assertThat(snapshot.findings()).allSatisfy(f -> {
            assertThat(f.severity()).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW");
            assertThat(f.remedy()).isNotBlank();
        });
        assertThat(snapshot.findings().size()).isLessThanOrEqualTo(ReadinessPublication.MAX_PUBLISHED_FINDINGS + 1);
    }

    @Test
    void aFindingThatComesWithTheDateIsPublishedByTheRecheck() {
        UUID item = UUID.randomUUID();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        KafkaEvents.publish(new io.muster.contracts.gameday.ActionItemSnapshot(item,
                io.muster.contracts.gameday.ActionItemSnapshot.Source.GAME_DAY_RUN, UUID.randomUUID(),
                "Monthly DDoS drill", "Add a second phone bridge", null, today.plusDays(1),
                io.muster.contracts.gameday.ActionItemSnapshot.Status.OPEN));
        assertThat(published(snapshotWith("ACTION_ITEM_OPEN", item.toString(), "Add a second phone bridge"), 1))
                .hasSize(1);

        clock.advance(Duration.ofDays(2));
        // What the periodic recheck does: the date alone changed the findings, so they are published, once.
        assertThat(publication.publishIfChanged().published()).isTrue();
        assertThat(publication.publishIfChanged().published()).isFalse();
        assertThat(published(snapshotWith("ACTION_ITEM_OVERDUE", item.toString(), "Add a second phone bridge"), 1))
                .hasSize(1);
    }
}
