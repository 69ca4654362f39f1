package io.muster.escalation.service;

import static io.muster.escalation.EscalationApi.paged;
import static io.muster.escalation.EscalationApi.planWithPolicy;
import static io.muster.escalation.EscalationApi.raise;
import static io.muster.escalation.EscalationApi.stage;
import static io.muster.escalation.EscalationApi.timelineKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.escalation.MutableClock;
import io.muster.escalation.OwnSettingsProfile;
import io.muster.escalation.ReplicaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The scheduled poller, as it runs in production: a due timer fires without anyone calling the poller. How late
 * timers fire is measured by the benchmark, not asserted here against the wall clock of a shared machine.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
class TimerLoopTest {

    @Inject
    MutableClock clock;

    @Test
    void aDueTimerFiresOnItsOwn() {
        UUID first = ReplicaFixtures.contact("Loop First", 7);
        UUID second = ReplicaFixtures.contact("Loop Second", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(60, first) + "," + stage(60, second) + "]", null);
        UUID incident = raise(type, "HIGH");
        assertThat(paged(incident, 1, 0)).isEmpty();

        clock.advance(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> !paged(incident, 1, 0).isEmpty());
        assertThat(paged(incident, 1, 0)).containsExactly(second);
    }

    @Test
    void aBurstOfDueTimersFiresEachOnceAcrossTheFiringThreads() {
        UUID first = ReplicaFixtures.contact("Burst First", 7);
        UUID second = ReplicaFixtures.contact("Burst Second", 7);
        String type = planWithPolicy("HIGH", 0, "[" + stage(120, first) + "," + stage(120, second) + "]", null);
        List<UUID> incidents = IntStream.range(0, 40).mapToObj(i -> raise(type, "HIGH")).toList();

        clock.advance(Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> incidents.stream().allMatch(id -> !paged(id, 1, 0).isEmpty()));
        for (UUID id : incidents) {
            assertThat(paged(id, 1, 0)).as("stage 2 of %s", id).containsExactly(second);
            assertThat(timelineKinds(id).stream().filter("stage-timed-out"::equals)).as("timeouts of %s", id)
                    .hasSize(1);
        }
    }
}
