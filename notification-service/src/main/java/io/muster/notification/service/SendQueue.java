package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.ChannelTest;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.persistence.SendAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Composes messages and queues them: renders a page, verification code or channel test into its first attempt and
 * hands it to {@link SendAttempts}, in the caller's transaction.
 */
@ApplicationScoped
public class SendQueue {

    @Inject
    SendAttempts attempts;

    @Inject
    Clock clock;

    @Inject
    MessageRenderer renderer;

    @Inject
    AckLinks ackLinks;

    /** Queues the first attempt of the page on the channel at {@code rank} of its plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SendAttempt enqueuePage(PageDelivery page, int rank) {
        ContactSnapshot.Channel channel = page.plan().channel(rank);
        boolean linkable = channel.type() == ChannelType.EMAIL || channel.type() == ChannelType.WEBHOOK;
        String ackLink = linkable && !page.notifyOnly ? ackLinks.issue(page.pageId) : null;
        MessageRenderer.RenderedMessage message = renderer.page(page, channel.type(), ackLink);
        SendAttempt attempt = SendAttempt.firstForPage(page, channel, rank, clock.instant());
        attempt.subject = message.subject();
        attempt.bodyText = message.text();
        attempt.bodyHtml = message.html();
        return attempts.insert(attempt);
    }

    /** Queues a verification code; false when this verification was already queued (a repeated request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueueVerification(ChannelVerificationRequested request) {
        String key = "verify-" + request.verificationId();
        if (attempts.keyTaken(key)) {
            return false;
        }
        MessageRenderer.RenderedMessage message = renderer.verification(request.channelType(), request.code(),
                request.expiresAt());
        SendAttempt attempt = standalone(MessagePurpose.VERIFICATION, request.contactId(), request.channelType(),
                request.address(), key, message);
        attempt.verificationId = request.verificationId();
        attempts.insert(attempt);
        return true;
    }

    /** Queues the one message of a channel test, on the path verification codes take. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SendAttempt enqueueChannelTest(ChannelTest test, String address) {
        SendAttempt attempt = standalone(MessagePurpose.CHANNEL_TEST, test.contactId, test.channelType, address,
                "channel-test-" + test.testId, renderer.channelTest(test.channelType));
        attempt.channelTestId = test.testId;
        return attempts.insert(attempt);
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
}
