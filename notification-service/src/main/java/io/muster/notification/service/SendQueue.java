package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.ChannelTest;
import io.muster.notification.domain.ContactReplica;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.providers.OutgoingMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The send queue: attempts are rows, written in the transaction that decides to send (so a page is never
 * queued without its record, nor recorded without being queued) and claimed by the workers of their channel type.
 */
@ApplicationScoped
public class SendQueue {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MessageRenderer renderer;

    @Inject
    AckLinks ackLinks;

    @Inject
    SendWorkers workers;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Queues the first attempt of the page on the channel at {@code rank} of its plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SendAttempt enqueuePage(PageDelivery page, int rank) {
        ContactSnapshot.Channel channel = ContactReplica.readChannels(page.channelPlan).get(rank);
        boolean linkable = channel.type() == ChannelType.EMAIL || channel.type() == ChannelType.WEBHOOK;
        String ackLink = linkable && !page.notifyOnly ? ackLinks.issue(page.pageId) : null;
        MessageRenderer.RenderedMessage message = renderer.page(page, channel.type(), ackLink);
        SendAttempt attempt = SendAttempt.firstForPage(page, channel, rank, clock.instant());
        attempt.subject = message.subject();
        attempt.bodyText = message.text();
        attempt.bodyHtml = message.html();
        return add(attempt);
    }

    /** Queues a verification code; false when this verification was already queued (a repeated request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueueVerification(ChannelVerificationRequested request) {
        String key = "verify-" + request.verificationId();
        if (SendAttempt.count("messageKey", key) > 0) {
            return false;
        }
        MessageRenderer.RenderedMessage message = renderer.verification(request.channelType(), request.code(),
                request.expiresAt());
        SendAttempt attempt = standalone(MessagePurpose.VERIFICATION, request.contactId(), request.channelType(),
                request.address(), key, message);
        attempt.verificationId = request.verificationId();
        add(attempt);
        return true;
    }

    /** Queues the one message of a channel test, on the path verification codes take. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SendAttempt enqueueChannelTest(ChannelTest test, String address) {
        SendAttempt attempt = standalone(MessagePurpose.CHANNEL_TEST, test.contactId, test.channelType, address,
                "channel-test-" + test.testId, renderer.channelTest(test.channelType));
        attempt.channelTestId = test.testId;
        return add(attempt);
    }

    /** A first attempt of a message that belongs to no page: one channel, not critical, never a drill. */
    private SendAttempt standalone(MessagePurpose purpose, UUID contactId, ChannelType channel, String address,
            String key, MessageRenderer.RenderedMessage message) {
        SendAttempt attempt = new SendAttempt();
        attempt.id = UUID.randomUUID();
        attempt.contactId = contactId;
        attempt.purpose = purpose;
        attempt.channelType = channel;
        attempt.channelRank = 0;
        attempt.address = address;
        attempt.attempt = 1;
        attempt.state = AttemptState.PENDING;
        attempt.subject = message.subject();
        attempt.bodyText = message.text();
        attempt.bodyHtml = message.html();
        attempt.messageKey = key;
        attempt.critical = false;
        attempt.drill = false;
        attempt.requestedAt = clock.instant();
        attempt.dueAt = clock.instant();
        return attempt;
    }

    /** Adds an attempt row and wakes the channel's workers once the transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SendAttempt add(SendAttempt attempt) {
        attempt.persist();
        ChannelType channel = attempt.channelType;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    workers.wake(channel);
                }
            }
        });
        return attempt;
    }

    /**
     * Claims the most urgent due attempt of a channel type and marks it in flight, in its own transaction that
     * commits before the provider is called: a crash after this point leaves a visible in-flight row, never a
     * silently lost or silently repeated send. SKIP LOCKED lets replicas and workers claim side by side.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OutgoingMessage> claimNext(ChannelType channel) {
        // No result class: with one (UUID.class), Hibernate 6 made a new query-plan cache entry on every call, all
        // with one hash, and the workers spent most of their CPU walking that ever-growing bucket. The driver returns
        // a UUID for a uuid column anyway.
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM send_attempt WHERE channel_type = :channel"
                        + " AND state = 'PENDING' AND due_at <= :now ORDER BY critical DESC, due_at"
                        + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter("channel", channel.name())
                .setParameter("now", clock.instant())
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        SendAttempt attempt = SendAttempt.findById(ids.get(0));
        attempt.state = AttemptState.IN_FLIGHT;
        attempt.claimedAt = clock.instant();
        return Optional.of(new OutgoingMessage(attempt.id, attempt.channelType, attempt.address, attempt.subject,
                attempt.bodyText, attempt.bodyHtml, attempt.messageKey));
    }
}
