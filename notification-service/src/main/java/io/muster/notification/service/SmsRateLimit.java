package io.muster.notification.service;

import io.muster.notification.domain.PageDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Queues a page on one of its channels, holding back non-critical SMS beyond the per-person limit. */
@ApplicationScoped
public class SmsRateLimit {

    @Inject
    SendQueue queue;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueOrBundle(PageDelivery page, int rank) {
        queue.enqueuePage(page, rank);
    }
}
