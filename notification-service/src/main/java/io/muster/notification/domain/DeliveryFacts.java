package io.muster.notification.domain;

import io.muster.contracts.ChannelType;
import io.muster.contracts.pages.DeliveryStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link DeliveryDecision} needs to know about one page's delivery: its plan, the channels a drill says are
 * down, its attempts so far (rank and state), the rank its SMS was bundled at (-1 when not bundled) and its status.
 */
public record DeliveryFacts(ChannelPlan plan, Set<ChannelType> downChannels, List<Attempt> attempts, int bundledRank,
        DeliveryStatus status) {

    /** One attempt of the page: the rank of its channel and where it stands. */
    public record Attempt(int rank, AttemptState state) {
    }

    public DeliveryFacts {
        downChannels = downChannels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(downChannels));
        attempts = List.copyOf(attempts);
    }

    /** The facts of a stored delivery. */
    public static DeliveryFacts of(PageDelivery page, List<SendAttempt> attempts, SmsBundleMember bundled) {
        EnumSet<ChannelType> down = EnumSet.noneOf(ChannelType.class);
        for (ChannelType type : ChannelType.values()) {
            if (page.channelDown(type)) {
                down.add(type);
            }
        }
        return new DeliveryFacts(page.plan(), down, attempts.stream().map(a -> new Attempt(a.channelRank, a.state))
                .toList(), bundled == null ? -1 : bundled.channelRank, page.status);
    }

    /** The first rank of the plan no attempt (or SMS bundle) has taken yet. */
    public int nextRank() {
        return Math.max(attempts.stream().mapToInt(Attempt::rank).max().orElse(-1), bundledRank) + 1;
    }

    public boolean down(int rank) {
        return downChannels.contains(plan.type(rank));
    }

    /** Whether an attempt may still reach the person (waiting, being sent, or sent). */
    public boolean stillGoing() {
        return attempts.stream().anyMatch(a -> a.state() == AttemptState.PENDING
                || a.state() == AttemptState.IN_FLIGHT || a.state() == AttemptState.SENT);
    }

    /** These facts after a failed attempt was recorded at {@code rank}. */
    DeliveryFacts withFailed(int rank) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(new Attempt(rank, AttemptState.FAILED));
        return new DeliveryFacts(plan, downChannels, more, bundledRank, status);
    }
}
