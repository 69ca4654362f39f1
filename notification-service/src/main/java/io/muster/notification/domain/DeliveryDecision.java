package io.muster.notification.domain;

import io.muster.contracts.ChannelType;
import io.muster.contracts.pages.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Where a page's delivery goes next, as pure functions over {@link DeliveryFacts}: which channels to start, what
 * follows a failed attempt, whether an SMS goes now or into the summary. No database, no clock of its own: the
 * service layer ({@code DeliveryProgress}, {@code SmsRateLimit}, {@code AttemptOutcomes}) reads the facts, asks,
 * and carries out the {@link DeliveryAction}s in its transaction.
 */
public final class DeliveryDecision {

    private DeliveryDecision() {
    }

    /**
     * Starting the channels at ranks {@code from} (inclusive) to {@code to} (exclusive): each is sent, or failed at
     * once when a drill says it is down. The caller then treats each drill-failed one as a channel that gave up.
     */
    public static List<DeliveryAction> start(DeliveryFacts facts, int from, int to) {
        List<DeliveryAction> actions = new ArrayList<>();
        for (int rank = from; rank < to; rank++) {
            actions.add(facts.down(rank) ? new DeliveryAction.FailByDrillFault(rank)
                    : new DeliveryAction.SendOnRank(rank));
        }
        return actions;
    }

    /**
     * One channel is done for this page without success: fail every following channel a drill says is down, then
     * send on the next one left; with none left and nothing still going, all channels failed (reported once).
     */
    public static List<DeliveryAction> channelGaveUp(DeliveryFacts facts) {
        List<DeliveryAction> actions = new ArrayList<>();
        DeliveryFacts now = facts;
        int next = now.nextRank();
        while (next < now.plan().size() && now.down(next)) {
            actions.add(new DeliveryAction.FailByDrillFault(next));
            now = now.withFailed(next);
            next = now.nextRank();
        }
        if (next < now.plan().size()) {
            actions.add(new DeliveryAction.SendOnRank(next));
        } else if (!now.stillGoing() && now.status() != DeliveryStatus.ALL_CHANNELS_FAILED) {
            actions.add(new DeliveryAction.AllChannelsFailed());
        }
        return actions;
    }

    /**
     * After attempt number {@code attempt} on a channel failed: a retry when the failure may pass and the channel
     * has tries left, else nothing (the channel gave up).
     */
    public static Optional<DeliveryAction.RetryAt> retry(int attempt, boolean retryable, RetryPolicy policy,
            Instant now, RandomGenerator random) {
        if (retryable && attempt < policy.maxAttemptsPerChannel()) {
            return Optional.of(new DeliveryAction.RetryAt(now.plus(policy.delay(attempt, random))));
        }
        return Optional.empty();
    }

    /** Whether the SMS window decides about this send; reading the window locks the person, so ask first. */
    public static boolean rateLimited(ChannelType channel, boolean bundlingExempt) {
        return channel == ChannelType.SMS && !bundlingExempt;
    }

    /**
     * Sending on a channel: anything but SMS goes now, as does an SMS that is bundling-exempt (critical) or fits in
     * the person's window; any other SMS joins the summary.
     */
    public static DeliveryAction sendOrBundle(int rank, ChannelType channel, boolean bundlingExempt,
            SmsWindow window) {
        if (!rateLimited(channel, bundlingExempt) || window.hasRoom()) {
            return new DeliveryAction.SendOnRank(rank);
        }
        return new DeliveryAction.Bundle(rank);
    }
}
