package io.muster.notification.domain;

import java.time.Instant;

/** What {@link DeliveryDecision} says to do next for a page's delivery; the service layer carries it out. */
public sealed interface DeliveryAction {

    /** Queue the page's first attempt on the channel at this rank of its plan. */
    record SendOnRank(int rank) implements DeliveryAction {
    }

    /** Hold the page's SMS at this rank back and add it to the person's summary SMS (the window is full). */
    record Bundle(int rank) implements DeliveryAction {
    }

    /** Try the same message on the same channel again at this time. */
    record RetryAt(Instant at) implements DeliveryAction {
    }

    /** A drill says the channel at this rank is down: record its attempt as failed without calling the provider. */
    record FailByDrillFault(int rank) implements DeliveryAction {
    }

    /** No channel is left and none is still going: report it, so escalation moves on. */
    record AllChannelsFailed() implements DeliveryAction {
    }
}
