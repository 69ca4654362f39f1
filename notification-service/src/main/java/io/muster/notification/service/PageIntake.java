package io.muster.notification.service;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.domain.ChannelPlan;
import io.muster.notification.domain.ContactReplica;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.persistence.PageDeliveries;
import io.muster.notification.persistence.SendAttempts;
import io.muster.platform.outbox.Outbox;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes page requests in: one delivery per page id, however often the request is delivered, with its first
 * attempts queued in the same transaction. Channels come only from the local directory replica.
 */
@ApplicationScoped
public class PageIntake {

    private static final Logger LOG = Logger.getLogger(PageIntake.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    SendQueue queue;

    @Inject
    DeliveryProgress progress;

    @Inject
    SendAttempts attempts;

    @Inject
    PageDeliveries pages;

    @Inject
    ChannelTests channelTests;

    /** Handles one event from the page-request topic (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(EventEnvelope envelope) {
        if (envelope.payload() instanceof PageRequested page) {
            acceptPage(envelope, page);
        } else if (envelope.payload() instanceof ChannelVerificationRequested verification) {
            acceptVerification(verification);
        } else if (envelope.payload() instanceof ChannelTestRequested test) {
            channelTests.accept(test);
        } else {
            LOG.warnf("ignoring %s on the page-request topic", envelope.type());
        }
    }

    private void acceptPage(EventEnvelope envelope, PageRequested page) {
        if (pages.find(page.pageId()) != null) {
            return; // the same page under another event id: still only one delivery
        }
        PageDelivery delivery = new PageDelivery();
        delivery.pageId = page.pageId();
        delivery.incidentId = page.incidentId();
        delivery.contactId = page.contactId();
        delivery.roleKey = page.roleKey();
        delivery.stage = page.stage();
        delivery.cycle = page.cycle();
        delivery.severity = page.severity();
        // Kept as sent: every message marks a drill from the drill flag, so producers leave the title unmarked.
        delivery.title = page.title();
        delivery.summary = page.summary();
        delivery.drill = page.drill();
        delivery.silent = page.silent();
        delivery.notifyOnly = page.notifyOnly();
        delivery.allChannelsAtOnce = page.everyChannelAtOnce();
        delivery.bundlingExempt = page.neverBundled();
        if (page.drill()) {
            delivery.downChannels(page.downChannels());
        }
        delivery.status = page.silent() ? DeliveryStatus.SUPPRESSED : DeliveryStatus.QUEUED;
        delivery.requestedAt = envelope.occurredAt();
        delivery.updatedAt = clock.instant();
        ContactReplica contact = ContactReplica.findById(page.contactId());
        List<ContactSnapshot.Channel> channels = contact == null || !contact.active ? List.of()
                : contact.pageableChannels();
        delivery.plan(new ChannelPlan(channels));
        delivery.ackCode = newAckCode(page.contactId());
        delivery.persist();
        outbox.publish(new PageStatusChanged(page.pageId(), page.incidentId(), page.contactId(), null,
                delivery.status, 0, page.silent() ? "silent drill: recorded, not sent" : null, page.drill()));
        if (page.silent()) {
            return;
        }
        if (channels.isEmpty()) {
            delivery.status = DeliveryStatus.ALL_CHANNELS_FAILED;
            outbox.publish(new PageStatusChanged(page.pageId(), page.incidentId(), page.contactId(), null,
                    DeliveryStatus.ALL_CHANNELS_FAILED, 0, contact == null
                            ? "the person is not in the directory replica"
                            : "the person has no verified SMS, email or webhook channel", page.drill()));
            return;
        }
        // A severity that uses every channel at once sends on all of them now; others start with the first.
        progress.start(delivery, 0, delivery.allChannelsAtOnce ? channels.size() : 1);
    }

    /**
     * The incident's severity went up: its pages still going out take the new channel rule. A page that now uses
     * every channel at once starts the channels it has not reached yet (never one it has: the next rank is always
     * after the highest started, so nothing is sent twice); its SMS stop being bundled from now on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void severityRaised(IncidentSeverityChanged change) {
        List<PageDelivery> going = pages.goingForIncident(change.incidentId());
        for (PageDelivery delivery : going) {
            delivery.severity = change.to();
            delivery.bundlingExempt |= change.bundlingExempt();
            if (!change.allChannelsAtOnce() || delivery.allChannelsAtOnce) {
                continue;
            }
            delivery.allChannelsAtOnce = true;
            delivery.updatedAt = clock.instant();
            int channels = delivery.plan().size();
            int next = progress.nextRank(delivery);
            if (next < channels) {
                progress.start(delivery, next, channels);
            }
        }
    }

    private void acceptVerification(ChannelVerificationRequested verification) {
        if (!ContactReplica.SENDABLE.contains(verification.channelType())) {
            LOG.warnf("verification %s is for a %s channel, which this service cannot send to",
                    verification.verificationId(), verification.channelType());
            return;
        }
        if (verification.expiresAt() != null && verification.expiresAt().isBefore(clock.instant())) {
            LOG.infof("verification %s expired before it could be sent", verification.verificationId());
            return;
        }
        queue.enqueueVerification(verification);
    }

    /**
     * Six digits, not shared with another unacknowledged page of the same person, so a reply names one page. Digits
     * because a phone's reply field opens on them; six because with the per-number lockout on wrong codes a guesser
     * gets about ten tries an hour against a million codes.
     */
    private String newAckCode(UUID contactId) {
        for (int tries = 0; tries < 50; tries++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            if (!pages.ackCodeInUse(contactId, code)) {
                return code;
            }
        }
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    @Transactional
    public PageDelivery get(UUID pageId) {
        PageDelivery delivery = pages.find(pageId);
        if (delivery == null) {
            throw Refusal.notFound("Page", pageId);
        }
        return delivery;
    }

    /** The delivery with its attempts, oldest first. */
    @Transactional
    public DeliveryWithAttempts getWithAttempts(UUID pageId) {
        PageDelivery delivery = get(pageId);
        return new DeliveryWithAttempts(delivery, attempts.forPageByDue(pageId));
    }

    public record DeliveryWithAttempts(PageDelivery delivery, List<SendAttempt> attempts) {
    }

    @Transactional
    public List<PageDelivery> forIncident(UUID incidentId) {
        return pages.forIncident(incidentId);
    }
}
