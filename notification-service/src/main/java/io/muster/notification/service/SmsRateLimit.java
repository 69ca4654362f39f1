package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.ContactReplica;
import io.muster.notification.domain.DeliveryAction;
import io.muster.notification.domain.DeliveryDecision;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.domain.SmsBundleMember;
import io.muster.notification.domain.SmsSegments;
import io.muster.notification.domain.SmsWindow;
import io.muster.notification.persistence.PageDeliveries;
import io.muster.notification.persistence.SendAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Queues a page on one of its channels, keeping a person's phone from being flooded: beyond N SMS in 15 minutes,
 * non-critical pages are not dropped but bundled into one summary SMS, sent when the window has room again.
 * Critical pages are never held back. Every send of a page comes through here, first choice or fallback.
 */
@ApplicationScoped
public class SmsRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    SendQueue queue;

    @Inject
    SendAttempts attempts;

    @Inject
    PageDeliveries pages;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueOrBundle(PageDelivery page, int rank) {
        ContactSnapshot.Channel channel = page.plan().channel(rank);
        if (!DeliveryDecision.rateLimited(channel.type(), page.bundlingExempt)) {
            queue.enqueuePage(page, rank);
            return;
        }
        Instant now = clock.instant();
        // Serialise one person's decisions, so two pages arriving together cannot both take the last slot.
        ContactReplica.findById(page.contactId, LockModeType.PESSIMISTIC_WRITE);
        List<SendAttempt> recent = attempts.smsPagesDueSince(page.contactId, now.minus(WINDOW));
        SmsWindow window = new SmsWindow(recent.size(), config.smsPerPersonPer15Minutes());
        if (DeliveryDecision.sendOrBundle(rank, channel.type(), page.bundlingExempt, window)
                instanceof DeliveryAction.SendOnRank) {
            queue.enqueuePage(page, rank);
            return;
        }
        SendAttempt summary = attempts.pendingSummary(page.contactId)
                .orElseGet(() -> newSummary(page, channel, rank, recent.get(0).dueAt.plus(WINDOW)));
        SmsBundleMember member = new SmsBundleMember();
        member.pageId = page.pageId;
        member.messageKey = summary.messageKey;
        member.channelRank = rank;
        member.addedAt = now;
        member.persist();
        summary.bodyText = summaryText(pages.inSummary(summary.messageKey));
        summary.drill = summary.drill && page.drill;
    }

    private SendAttempt newSummary(PageDelivery first, ContactSnapshot.Channel channel, int rank, Instant due) {
        SendAttempt summary = new SendAttempt();
        summary.id = UUID.randomUUID();
        summary.contactId = first.contactId;
        summary.purpose = MessagePurpose.SMS_SUMMARY;
        summary.channelType = ChannelType.SMS;
        summary.channelRank = rank;
        summary.address = channel.address();
        summary.attempt = 1;
        summary.state = AttemptState.PENDING;
        summary.bodyText = "";
        summary.messageKey = "sms-summary-" + summary.id;
        summary.critical = false;
        summary.drill = true; // cleared as soon as one real page joins
        summary.requestedAt = first.requestedAt;
        summary.dueAt = due;
        return attempts.insert(summary);
    }

    /** "Muster: 2 more pages: ACK 123456 Title; ACK 567890 Title", cut to one segment where possible. */
    static String summaryText(List<PageDelivery> pages) {
        boolean allDrills = pages.stream().allMatch(p -> p.drill);
        String entries = pages.stream()
                .map(p -> (p.drill && !allDrills ? "[DRILL] " : "") + "ACK " + p.ackCode + " " + p.title)
                .collect(Collectors.joining("; "));
        String head = (allDrills ? "[DRILL] " : "") + "Muster: " + pages.size() + " more pages: ";
        return SmsSegments.fit(entries, cut -> head + cut);
    }
}
