package io.muster.notification.persistence;

import io.muster.contracts.ChannelType;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.providers.OutgoingMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The send queue's table: attempts are rows, written in the transaction that decides to send (so a page is never
 * queued without its record, nor recorded without being queued) and claimed by the workers of their channel type.
 * Every query on {@code send_attempt} lives here.
 */
@ApplicationScoped
public class SendAttempts {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AttemptQueued> queued;

    /** Adds an attempt row; the channel's workers are woken once the transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SendAttempt insert(SendAttempt attempt) {
        attempt.persist();
        queued.fire(new AttemptQueued(attempt.channelType));
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
                        + " AND state = :pending AND due_at <= :now ORDER BY critical DESC, due_at"
                        + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter("channel", channel.name())
                .setParameter("pending", AttemptState.PENDING.name())
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

    /** The attempt, locked against recovery deciding about it at the same time; null when gone. */
    public SendAttempt lockForOutcome(UUID attemptId) {
        return SendAttempt.findById(attemptId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Attempts in flight since before {@code claimedBefore}: their worker is gone. Locked. */
    public List<SendAttempt> abandoned(Instant claimedBefore) {
        return SendAttempt.<SendAttempt>find("state = ?1 and claimedAt < ?2", AttemptState.IN_FLIGHT, claimedBefore)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<SendAttempt> forPage(UUID pageId) {
        return SendAttempt.list("pageId", pageId);
    }

    /** A page's attempts in the order they were due, for reading. */
    public List<SendAttempt> forPageByDue(UUID pageId) {
        return SendAttempt.list("pageId = ?1 order by dueAt, attempt", pageId);
    }

    /** Whether a message with this key was queued already (a repeated request). */
    public boolean keyTaken(String messageKey) {
        return SendAttempt.count("messageKey", messageKey) > 0;
    }

    /** A person's first tries of SMS pages and summaries due since {@code since}, oldest first: the SMS window. */
    public List<SendAttempt> smsPagesDueSince(UUID contactId, Instant since) {
        return SendAttempt.list("contactId = ?1 and channelType = ?2 and attempt = 1"
                        + " and purpose in ?3 and dueAt > ?4 and state <> ?5 order by dueAt", contactId,
                ChannelType.SMS, List.of(MessagePurpose.PAGE, MessagePurpose.SMS_SUMMARY), since,
                AttemptState.CANCELLED);
    }

    /** The person's summary SMS still waiting to go, if any. */
    public Optional<SendAttempt> pendingSummary(UUID contactId) {
        return SendAttempt.<SendAttempt>find("contactId = ?1 and purpose = ?2 and state = ?3", contactId,
                MessagePurpose.SMS_SUMMARY, AttemptState.PENDING).firstResultOptional();
    }

    /** Cancels a page's attempts not yet claimed; returns how many. */
    public int cancelPending(UUID pageId, Instant at, String reason) {
        return SendAttempt.update("state = ?1, finishedAt = ?2, error = ?3 where pageId = ?4 and state = ?5",
                AttemptState.CANCELLED, at, reason, pageId, AttemptState.PENDING);
    }
}
