package io.muster.notification.service;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.DeliveryAction;
import io.muster.notification.domain.DeliveryDecision;
import io.muster.notification.domain.DeliveryFacts;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.domain.SmsBundleMember;
import io.muster.notification.persistence.SendAttempts;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moves a page's delivery along its channel plan: reads its facts, asks {@link DeliveryDecision} what follows, and
 * carries the actions out in the caller's transaction. Intake, attempt outcomes and crash recovery all come here,
 * so "which channel next" is decided in one place, and every send goes through {@link SmsRateLimit}.
 */
@ApplicationScoped
public class DeliveryProgress {

    /** The detail of an attempt a drill fault failed; game-day scorecards count these as channel failures. */
    public static final String DRILL_FAULT = "drill fault: channel down";

    @Inject
    SendAttempts attempts;

    @Inject
    SmsRateLimit smsRateLimit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Starts the channels at ranks {@code from} (inclusive) to {@code to} (exclusive) of the page's plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(PageDelivery page, int from, int to) {
        List<DeliveryAction> actions = DeliveryDecision.start(facts(page), from, to);
        actions.forEach(action -> apply(page, action, clock.instant()));
        // Only now, with every starting channel queued or failed, move on as a real failure of each would.
        long down = actions.stream().filter(DeliveryAction.FailByDrillFault.class::isInstance).count();
        for (long i = 0; i < down; i++) {
            channelGaveUp(page, clock.instant());
        }
    }

    /** One channel is done for this page without success: try the next, or report that none is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void channelGaveUp(PageDelivery page, Instant now) {
        DeliveryDecision.channelGaveUp(facts(page)).forEach(action -> apply(page, action, now));
    }

    /** The first rank of the page's plan no attempt (or SMS bundle) has taken yet. */
    public int nextRank(PageDelivery page) {
        return facts(page).nextRank();
    }

    private DeliveryFacts facts(PageDelivery page) {
        return DeliveryFacts.of(page, attempts.forPage(page.pageId), SmsBundleMember.findById(page.pageId));
    }

    private void apply(PageDelivery page, DeliveryAction action, Instant now) {
        if (action instanceof DeliveryAction.SendOnRank send) {
            smsRateLimit.enqueueOrBundle(page, send.rank());
        } else if (action instanceof DeliveryAction.FailByDrillFault fault) {
            failByDrillFault(page, fault.rank(), now);
        } else if (action instanceof DeliveryAction.AllChannelsFailed) {
            allChannelsFailed(page, now);
        } else {
            // Bundling is SmsRateLimit's answer to a send, and a retry belongs to an attempt, not to the plan.
            throw new IllegalArgumentException("not an action on the plan: " + action);
        }
    }

    /**
     * Records the page's attempt on a channel a drill says is down as FAILED with {@link #DRILL_FAULT} and
     * announces it like a provider failure, without calling the provider (nor counting a provider failure).
     */
    private void failByDrillFault(PageDelivery page, int rank, Instant now) {
        ContactSnapshot.Channel channel = page.plan().channel(rank);
        SendAttempt attempt = SendAttempt.firstForPage(page, channel, rank, now);
        attempt.state = AttemptState.FAILED;
        attempt.drill = true;
        attempt.bodyText = "(not sent: " + DRILL_FAULT + ")";
        attempt.claimedAt = now;
        attempt.finishedAt = now;
        attempt.error = DRILL_FAULT;
        attempt.persist(); // never queued: a row of record only, no worker needs waking
        outbox.publish(new PageStatusChanged(page.pageId, page.incidentId, page.contactId, channel.type(),
                DeliveryStatus.FAILED, attempt.attempt, DRILL_FAULT, page.drill));
    }

    private void allChannelsFailed(PageDelivery page, Instant now) {
        page.status = DeliveryStatus.ALL_CHANNELS_FAILED;
        page.updatedAt = now;
        outbox.publish(new PageStatusChanged(page.pageId, page.incidentId, page.contactId, null,
                DeliveryStatus.ALL_CHANNELS_FAILED, 0, "every channel of the person failed", page.drill));
    }
}
