package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.ContactReplica;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.domain.SmsBundleMember;
import io.muster.notification.domain.SmsSegments;
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
 * Critical pages are never held back.
 */
@ApplicationScoped
public class SmsRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    SendQueue queue;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueOrBundle(PageDelivery page, int rank) {
        ContactSnapshot.Channel channel = ContactReplica.readChannels(page.channelPlan).get(rank);
        if (channel.type() != ChannelType.SMS || page.bundlingExempt) {
            queue.enqueuePage(page, rank);
            return;
        }
        Instant now = clock.instant();
        // Serialise one person's decisions, so two pages arriving together cannot both take the last slot.
        ContactReplica.findById(page.contactId, LockModeType.PESSIMISTIC_WRITE);
        List<SendAttempt> recent = SendAttempt.list("contactId = ?1 and channelType = ?2 and attempt = 1"
                        + " and purpose in ?3 and dueAt > ?4 and state <> ?5 order by dueAt", page.contactId,
                ChannelType.SMS, List.of(MessagePurpose.PAGE, MessagePurpose.SMS_SUMMARY), now.minus(WINDOW),
                AttemptState.CANCELLED);
        if (recent.size() < config.smsPerPersonPer15Minutes()) {
            queue.enqueuePage(page, rank);
            return;
        }
        SendAttempt summary = SendAttempt.<SendAttempt>find("contactId = ?1 and purpose = ?2 and state = ?3",
                page.contactId, MessagePurpose.SMS_SUMMARY, AttemptState.PENDING).firstResultOptional()
                .orElse(null);
        if (summary == null) {
            summary = newSummary(page, channel, rank, recent.get(0).dueAt.plus(WINDOW));
        }
        SmsBundleMember member = new SmsBundleMember();
        member.pageId = page.pageId;
        member.messageKey = summary.messageKey;
        member.channelRank = rank;
        member.addedAt = now;
        member.persist();
        summary.bodyText = summaryText(SmsBundleMember.pagesOf(summary.messageKey));
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
        return queue.add(summary);
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
