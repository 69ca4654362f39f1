package io.muster.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.notification.domain.DeliveryAction.AllChannelsFailed;
import io.muster.notification.domain.DeliveryAction.Bundle;
import io.muster.notification.domain.DeliveryAction.FailByDrillFault;
import io.muster.notification.domain.DeliveryAction.RetryAt;
import io.muster.notification.domain.DeliveryAction.SendOnRank;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Every decision of a page's delivery, worked out by hand: no application, no database. */
class DeliveryDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:14:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60));

    /** Jitter at its lowest: the delay is half the exponential step. */
    private static final RandomGenerator LOWEST = fixed(false);
    /** Jitter at its highest: the whole step. */
    private static final RandomGenerator HIGHEST = fixed(true);

    private static RandomGenerator fixed(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are expected");
            }

            @Override
            public long nextLong(long bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    private static ChannelPlan plan(ChannelType... types) {
        List<ContactSnapshot.Channel> channels = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            channels.add(new ContactSnapshot.Channel(UUID.randomUUID(), types[i],
                    types[i] == ChannelType.SMS ? "+447700900123" : "ada@example.org", i + 1, true));
        }
        return new ChannelPlan(channels);
    }

    private static DeliveryFacts facts(ChannelPlan plan, Set<ChannelType> down, DeliveryFacts.Attempt... attempts) {
        return new DeliveryFacts(plan, down, List.of(attempts), -1, DeliveryStatus.QUEUED);
    }

    private static DeliveryFacts.Attempt failed(int rank) {
        return new DeliveryFacts.Attempt(rank, AttemptState.FAILED);
    }

    @Test
    void backoffDoublesFromTheBaseWithEqualJitterAndStopsAtTheCap() {
        // base 2 s x 2^(n-1), between half and all of it
        assertThat(POLICY.delay(1, LOWEST)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(POLICY.delay(1, HIGHEST)).isEqualTo(Duration.ofMillis(2_000));
        assertThat(POLICY.delay(2, LOWEST)).isEqualTo(Duration.ofMillis(2_000));
        assertThat(POLICY.delay(2, HIGHEST)).isEqualTo(Duration.ofMillis(4_000));
        assertThat(POLICY.delay(3, HIGHEST)).isEqualTo(Duration.ofMillis(8_000));
        // 2 s x 2^5 = 64 s: capped at 60 s, so 30 to 60 s
        assertThat(POLICY.delay(6, LOWEST)).isEqualTo(Duration.ofSeconds(30));
        assertThat(POLICY.delay(6, HIGHEST)).isEqualTo(Duration.ofSeconds(60));
        // far beyond the cap the shift stops growing instead of overflowing
        assertThat(POLICY.delay(80, HIGHEST)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aFailureThatMayPassIsRetriedAtTheBackoffUntilTheChannelsTriesAreUsed() {
        assertThat(DeliveryDecision.retry(1, true, POLICY, NOW, HIGHEST))
                .contains(new RetryAt(NOW.plusSeconds(2)));
        assertThat(DeliveryDecision.retry(2, true, POLICY, NOW, LOWEST))
                .contains(new RetryAt(NOW.plusSeconds(2)));
        assertThat(DeliveryDecision.retry(3, true, POLICY, NOW, HIGHEST)).isEmpty(); // the third try was the last
        assertThat(DeliveryDecision.retry(1, false, POLICY, NOW, HIGHEST)).isEmpty(); // a refusal is not retried
    }

    @Test
    void startingSendsOnTheFirstChannelOrOnEveryChannelAtOnce() {
        DeliveryFacts fresh = facts(plan(ChannelType.SMS, ChannelType.EMAIL), Set.of());
        assertThat(DeliveryDecision.start(fresh, 0, 1)).containsExactly(new SendOnRank(0));
        assertThat(DeliveryDecision.start(fresh, 0, 2)).containsExactly(new SendOnRank(0), new SendOnRank(1));
    }

    @Test
    void startingAChannelADrillSaysIsDownFailsItWithoutSending() {
        DeliveryFacts facts = facts(plan(ChannelType.SMS, ChannelType.EMAIL), Set.of(ChannelType.EMAIL));
        assertThat(DeliveryDecision.start(facts, 0, 2)).containsExactly(new SendOnRank(0), new FailByDrillFault(1));
        assertThat(DeliveryDecision.start(facts(plan(ChannelType.EMAIL, ChannelType.SMS), Set.of(ChannelType.EMAIL)),
                0, 1)).containsExactly(new FailByDrillFault(0));
    }

    @Test
    void aChannelThatGaveUpFallsBackToTheNextRank() {
        DeliveryFacts facts = facts(plan(ChannelType.SMS, ChannelType.EMAIL, ChannelType.WEBHOOK), Set.of(),
                failed(0));
        assertThat(DeliveryDecision.channelGaveUp(facts)).containsExactly(new SendOnRank(1));
    }

    @Test
    void fallbackSkipsEveryFollowingChannelADrillSaysIsDown() {
        DeliveryFacts facts = facts(plan(ChannelType.SMS, ChannelType.EMAIL, ChannelType.WEBHOOK),
                Set.of(ChannelType.EMAIL), failed(0));
        assertThat(DeliveryDecision.channelGaveUp(facts)).containsExactly(new FailByDrillFault(1),
                new SendOnRank(2));
    }

    @Test
    void whenNoChannelIsLeftAndNoneIsGoingAllChannelsFailed() {
        assertThat(DeliveryDecision.channelGaveUp(facts(plan(ChannelType.SMS), Set.of(), failed(0))))
                .containsExactly(new AllChannelsFailed());
        // the last channel is down in the drill: failed without sending, then nothing is left
        assertThat(DeliveryDecision.channelGaveUp(facts(plan(ChannelType.SMS, ChannelType.EMAIL),
                Set.of(ChannelType.EMAIL), failed(0))))
                .containsExactly(new FailByDrillFault(1), new AllChannelsFailed());
    }

    @Test
    void noChannelLeftWhileAnotherIsStillGoingOrAlreadyReportedDecidesNothing() {
        ChannelPlan plan = plan(ChannelType.SMS, ChannelType.EMAIL);
        for (AttemptState going : List.of(AttemptState.PENDING, AttemptState.IN_FLIGHT, AttemptState.SENT)) {
            assertThat(DeliveryDecision.channelGaveUp(facts(plan, Set.of(), failed(0),
                    new DeliveryFacts.Attempt(1, going)))).as("email %s", going).isEmpty();
        }
        DeliveryFacts reported = new DeliveryFacts(plan, Set.of(), List.of(failed(0), failed(1)), -1,
                DeliveryStatus.ALL_CHANNELS_FAILED);
        assertThat(DeliveryDecision.channelGaveUp(reported)).isEmpty();
    }

    @Test
    void aBundledSmsTakesItsRankSoFallbackMovesPastIt() {
        DeliveryFacts bundled = new DeliveryFacts(plan(ChannelType.SMS, ChannelType.EMAIL), Set.of(), List.of(), 0,
                DeliveryStatus.QUEUED);
        assertThat(bundled.nextRank()).isEqualTo(1);
        assertThat(DeliveryDecision.channelGaveUp(bundled)).containsExactly(new SendOnRank(1));
    }

    @Test
    void anSmsBeyondThePersonsWindowIsBundledUnlessExemptAndOtherChannelsAreNeverLimited() {
        SmsWindow full = new SmsWindow(3, 3);
        SmsWindow room = new SmsWindow(2, 3);
        assertThat(DeliveryDecision.sendOrBundle(1, ChannelType.SMS, false, room)).isEqualTo(new SendOnRank(1));
        assertThat(DeliveryDecision.sendOrBundle(1, ChannelType.SMS, false, full)).isEqualTo(new Bundle(1));
        assertThat(DeliveryDecision.sendOrBundle(1, ChannelType.SMS, true, full)).isEqualTo(new SendOnRank(1));
        assertThat(DeliveryDecision.sendOrBundle(0, ChannelType.EMAIL, false, full)).isEqualTo(new SendOnRank(0));
        assertThat(DeliveryDecision.rateLimited(ChannelType.SMS, false)).isTrue();
        assertThat(DeliveryDecision.rateLimited(ChannelType.SMS, true)).isFalse();
        assertThat(DeliveryDecision.rateLimited(ChannelType.WEBHOOK, false)).isFalse();
    }
}
