package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.AckReply;
import io.muster.notification.domain.AckToken;
import io.muster.notification.domain.ContactReplica;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SmsReplyGuard;
import io.muster.notification.domain.SmsReplyOutcome;
import io.muster.notification.persistence.PageDeliveries;
import io.muster.notification.persistence.SendAttempts;
import io.muster.platform.domain.Refusal;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A responder answers a page, by email link or SMS reply; the answer goes to muster.pages.acks.v1. */
@ApplicationScoped
public class Acknowledgements {

    private static final Logger LOG = Logger.getLogger(Acknowledgements.class);

    /** Pages of these contacts that asked for an answer and have none yet (silent and notify-only pages do not). */
    @Inject
    AckLinks links;

    @Inject
    Outbox outbox;

    @Inject
    SendAttempts attempts;

    @Inject
    PageDeliveries pages;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    /** What the confirmation page shows; the link must be valid, unused and unexpired. Changes nothing. */
    @Transactional
    public PageView inspectLink(String token) {
        AckToken stored = usableToken(links.verify(token));
        return PageView.of(pages.find(stored.pageId));
    }

    /** Uses the link: acknowledges its page. A second use is refused (409), a late one too (410). */
    @Transactional
    public PageView ackByLink(String token) {
        AckLinks.Claims claims = links.verify(token);
        AckToken stored = AckToken.findById(claims.nonce(), LockModeType.PESSIMISTIC_WRITE);
        stored = usableToken(claims, stored);
        stored.usedAt = clock.instant();
        PageDelivery page = pages.lock(stored.pageId);
        acknowledge(page, AckMethod.EMAIL_LINK);
        return PageView.of(page);
    }

    private AckToken usableToken(AckLinks.Claims claims) {
        return usableToken(claims, AckToken.findById(claims.nonce()));
    }

    private AckToken usableToken(AckLinks.Claims claims, AckToken stored) {
        if (stored == null || !stored.pageId.equals(claims.pageId())) {
            throw Refusal.notFound("Ack link", claims.nonce());
        }
        if (stored.usedAt != null) {
            throw Refusal.titled(Refusal.Kind.CONFLICT, "ack-link-used", "Ack link already used",
                    "this link was used at " + stored.usedAt + "; each link acknowledges once", "token",
                    "already used");
        }
        if (!clock.instant().isBefore(stored.expiresAt)) {
            throw Refusal.titled(Refusal.Kind.GONE, "ack-link-expired", "Ack link expired",
                    "this link expired at " + stored.expiresAt, "token", "expired");
        }
        return stored;
    }

    /**
     * An SMS reply such as "ACK 482193" from {@code phone}. Only a number with an open page is heard at all (a
     * reply from anyone else is passed over, so strangers cannot lock a number out), and each number may send
     * {@code max-wrong-codes} wrong codes within {@code wrong-code-window}; then its SMS acks are refused for
     * {@code lockout}, the right code included, so guessing does not pay. Email links are not affected.
     */
    @Transactional
    public SmsReply ackBySms(String phone, String text) {
        String code = AckReply.code(text).orElse(null);
        if (code == null) {
            LOG.info("SMS reply is not an acknowledgement; ignored");
            return SmsReply.of(SmsReplyOutcome.NOT_AN_ACK);
        }
        if (phone == null || !phone.matches("\\+[1-9]\\d{1,14}")) {
            LOG.infof("SMS reply from a number that is not E.164");
            return SmsReply.of(SmsReplyOutcome.NOT_PAGED);
        }
        // The LIKE (safe: E.164 has no wildcards) narrows the scan to rows that mention the number; the exact
        // check below decides.
        List<UUID> contacts = ContactReplica.<ContactReplica>list("channels like ?1", "%\"" + phone + "\"%")
                .stream()
                .filter(c -> c.channelList().stream().anyMatch(ch -> ch.verified() && ch.type() == ChannelType.SMS
                        && ch.address().equals(phone)))
                .map(c -> c.contactId)
                .toList();
        if (contacts.isEmpty() || !pages.anyOpen(contacts)) {
            LOG.infof("SMS ack from a number with no open page; ignored");
            return SmsReply.of(SmsReplyOutcome.NOT_PAGED);
        }
        Instant now = clock.instant();
        SmsReplyGuard guard = SmsReplyGuard.lockFor(phone, now);
        if (guard.lockedAt(now)) {
            LOG.infof("SMS ack from a number locked out until %s after too many wrong codes; refused",
                    guard.lockedUntil);
            return SmsReply.of(SmsReplyOutcome.LOCKED_OUT);
        }
        Optional<PageDelivery> page = pages.openWithCode(contacts, code);
        if (page.isEmpty()) {
            guard.wrongCode(now, replyLimit()).ifPresent(until -> LOG.warnf(
                    "too many wrong SMS ack codes from one number: its SMS acks are locked until %s", until));
            return SmsReply.of(SmsReplyOutcome.WRONG_CODE);
        }
        acknowledge(page.get(), AckMethod.SMS_REPLY);
        return new SmsReply(SmsReplyOutcome.ACKNOWLEDGED, page.get().pageId);
    }

    private SmsReplyGuard.Limit replyLimit() {
        NotificationConfig.SnsInbound inbound = config.snsInbound();
        return new SmsReplyGuard.Limit(inbound.maxWrongCodes(), inbound.wrongCodeWindow(), inbound.lockout());
    }

    /** What an SMS reply did; {@code pageId} is the page it acknowledged. */
    public record SmsReply(SmsReplyOutcome outcome, UUID pageId) {
        static SmsReply of(SmsReplyOutcome outcome) {
            return new SmsReply(outcome, null);
        }
    }

    private void acknowledge(PageDelivery page, AckMethod method) {
        if (page.acknowledgedAt != null) {
            return; // acknowledged another way already; the person's answer is on record once
        }
        Instant now = clock.instant();
        page.acknowledgedAt = now;
        page.ackMethod = method;
        page.status = DeliveryStatus.ACKNOWLEDGED;
        page.updatedAt = now;
        // Anything still waiting to be sent for this page is moot now.
        attempts.cancelPending(page.pageId, now, "acknowledged before it was sent");
        outbox.publish(new PageAcknowledged(page.pageId, page.incidentId, page.contactId, method, page.drill));
        outbox.publish(new PageStatusChanged(page.pageId, page.incidentId, page.contactId, null,
                DeliveryStatus.ACKNOWLEDGED, 0, "acknowledged by " + method, page.drill));
    }

    /** What a responder sees about the page they are acknowledging. */
    public record PageView(UUID pageId, String title, String severity, boolean drill) {
        static PageView of(PageDelivery page) {
            return new PageView(page.pageId, page.title, page.severity.name(), page.drill);
        }
    }
}
