package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.domain.AckReply;
import io.muster.notification.domain.AckToken;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.ContactReplica;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.platform.outbox.Outbox;
import io.muster.platform.problem.Problem;
import io.muster.platform.problem.ProblemException;
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

    @Inject
    AckLinks links;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** What the confirmation page shows; the link must be valid, unused and unexpired. Changes nothing. */
    @Transactional
    public PageView inspectLink(String token) {
        AckToken stored = usableToken(links.verify(token));
        return PageView.of(PageDelivery.findById(stored.pageId));
    }

    /** Uses the link: acknowledges its page. A second use is refused (409), a late one too (410). */
    @Transactional
    public PageView ackByLink(String token) {
        AckLinks.Claims claims = links.verify(token);
        AckToken stored = AckToken.findById(claims.nonce(), LockModeType.PESSIMISTIC_WRITE);
        stored = usableToken(claims, stored);
        stored.usedAt = clock.instant();
        PageDelivery page = PageDelivery.findById(stored.pageId, LockModeType.PESSIMISTIC_WRITE);
        acknowledge(page, AckMethod.EMAIL_LINK);
        return PageView.of(page);
    }

    private AckToken usableToken(AckLinks.Claims claims) {
        return usableToken(claims, AckToken.findById(claims.nonce()));
    }

    private AckToken usableToken(AckLinks.Claims claims, AckToken stored) {
        if (stored == null || !stored.pageId.equals(claims.pageId())) {
            throw ProblemException.notFound("Ack link", claims.nonce());
        }
        if (stored.usedAt != null) {
            throw new ProblemException(Problem.of("ack-link-used", "Ack link already used", 409,
                    "this link was used at " + stored.usedAt + "; each link acknowledges once",
                    List.of(new Problem.FieldError("token", "already used"))));
        }
        if (!clock.instant().isBefore(stored.expiresAt)) {
            throw new ProblemException(Problem.of("ack-link-expired", "Ack link expired", 410,
                    "this link expired at " + stored.expiresAt,
                    List.of(new Problem.FieldError("token", "expired"))));
        }
        return stored;
    }

    /**
     * An SMS reply such as "ACK 4821" from {@code phone}. Returns the acknowledged page, or empty when the text is
     * not an ack or names no open page of a person with that verified number (logged, nothing changes).
     */
    @Transactional
    public Optional<UUID> ackBySms(String phone, String text) {
        String code = AckReply.code(text).orElse(null);
        if (code == null) {
            LOG.info("SMS reply is not an acknowledgement; ignored");
            return Optional.empty();
        }
        if (phone == null || !phone.matches("\\+[1-9]\\d{1,14}")) {
            LOG.infof("SMS reply from a number that is not E.164");
            return Optional.empty();
        }
        // The LIKE (safe: E.164 has no wildcards) narrows the scan to rows that mention the number; the exact
        // check below decides.
        List<UUID> contacts = ContactReplica.<ContactReplica>list("channels like ?1", "%\"" + phone + "\"%")
                .stream()
                .filter(c -> c.channelList().stream().anyMatch(ch -> ch.verified() && ch.type() == ChannelType.SMS
                        && ch.address().equals(phone)))
                .map(c -> c.contactId)
                .toList();
        if (contacts.isEmpty()) {
            LOG.infof("SMS reply from a number no contact has verified");
            return Optional.empty();
        }
        Optional<PageDelivery> page = PageDelivery.<PageDelivery>find(
                        "contactId in ?1 and ackCode = ?2 and acknowledgedAt is null order by requestedAt desc",
                        contacts, code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        page.ifPresent(p -> acknowledge(p, AckMethod.SMS_REPLY));
        return page.map(p -> p.pageId);
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
        SendAttempt.update("state = ?1, finishedAt = ?2, error = 'acknowledged before it was sent'"
                + " where pageId = ?3 and state = ?4", AttemptState.CANCELLED, now, page.pageId, AttemptState.PENDING);
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
