package io.muster.notification;

import static io.muster.notification.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.pages.PageRequested;
import io.muster.notification.domain.SendAttempt;
import io.muster.testsupport.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The channel rule comes from the severity's definition, and a raised severity upgrades pages still going out. */
@QuarkusTest
class SeverityChannelRuleTest {

    private static PageRequested page(Fixtures.Person person, UUID incident, Severity severity, Boolean allAtOnce) {
        return new PageRequested(UUID.randomUUID(), incident, person.contactId(), "security-analyst", 1, 1, severity,
                "Impossible travel for svc-deploy", "logins from two continents", false, false, false, Set.of(),
                allAtOnce, allAtOnce);
    }

    private static List<Integer> ranksStarted(UUID pageId) {
        return Fixtures.attempts(pageId).stream().filter(a -> a.attempt == 1).map(a -> a.channelRank).toList();
    }

    @Test
    void aRaiseToASeverityThatUsesEveryChannelStartsTheChannelsAPageHasNotReachedOnceEach() throws Exception {
        Fixtures.Person person = Fixtures.person();
        UUID incident = UUID.randomUUID();
        PageRequested high = page(person, incident, Severity.HIGH, false);
        KafkaEvents.publish(high);
        await().atMost(WAIT).until(() -> ranksStarted(high.pageId()).contains(0));
        Thread.sleep(500); // a second channel would have been started in the same transaction as the first
        assertThat(ranksStarted(high.pageId())).as("one channel at a time for HIGH").containsExactly(0);

        IncidentSeverityChanged raised = new IncidentSeverityChanged(incident, Severity.HIGH, Severity.CRITICAL,
                List.of(), true, true, "responder", false);
        KafkaEvents.publish(raised);
        await().atMost(WAIT).until(() -> ranksStarted(high.pageId()).contains(1));
        // Replayed, the raise starts nothing again.
        KafkaEvents.publish(raised);
        Thread.sleep(1_000);
        assertThat(ranksStarted(high.pageId())).containsExactlyInAnyOrder(0, 1);
        assertThat(Fixtures.delivery(high.pageId()).allChannelsAtOnce).isTrue();
        assertThat(Fixtures.delivery(high.pageId()).severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void theSeverityDefinitionsRuleWinsOverTheSeverityAndAnOlderPageFallsBackToIt() {
        Fixtures.Person person = Fixtures.person();
        PageRequested medium = page(person, UUID.randomUUID(), Severity.MEDIUM, true);
        KafkaEvents.publish(medium);
        await().atMost(WAIT).until(() -> ranksStarted(medium.pageId()).size() == 2);
        assertThat(Fixtures.delivery(medium.pageId()).bundlingExempt).isTrue();

        Fixtures.Person other = Fixtures.person();
        PageRequested older = Fixtures.page(other, Severity.CRITICAL, false); // no rule of its own: CRITICAL's
        KafkaEvents.publish(older);
        await().atMost(WAIT).until(() -> ranksStarted(older.pageId()).size() == 2);
        assertThat(Fixtures.delivery(older.pageId()).allChannelsAtOnce).isTrue();
        List<SendAttempt> attempts = Fixtures.attempts(older.pageId());
        assertThat(attempts).extracting(a -> a.channelRank).doesNotHaveDuplicates();
    }
}
