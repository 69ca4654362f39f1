package io.muster.notification.domain;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ContactSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One try to send one message on one channel: a row of the send queue while pending, the record of what happened
 * afterwards. Content is rendered when the message is first queued, so every attempt sends the same text.
 */
@Entity
@Table(name = "send_attempt")
public class SendAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "page_id")
    public UUID pageId;

    @Column(name = "verification_id")
    public UUID verificationId;

    @Column(name = "channel_test_id")
    public UUID channelTestId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    public MessagePurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type")
    public ChannelType channelType;

    /** Position of the channel in the person's preference order (0 = first choice). */
    @Column(name = "channel_rank")
    public int channelRank;

    public String address;

    /** 1 for the first try on this channel, counting up with each retry. */
    public int attempt;

    @Enumerated(EnumType.STRING)
    public AttemptState state;

    public String subject;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    /** Same for every attempt of one message on one channel; the email Message-ID, an idempotency key. */
    @Column(name = "message_key")
    public String messageKey;

    public boolean critical;

    public boolean drill;

    /** When the page was requested, for request-to-send latency. */
    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    public String error;

    /** The first attempt of a page on the channel at {@code rank} of its plan, due at {@code due}, not yet saved. */
    public static SendAttempt firstForPage(PageDelivery page, ContactSnapshot.Channel channel, int rank, Instant due) {
        SendAttempt attempt = new SendAttempt();
        attempt.id = UUID.randomUUID();
        attempt.pageId = page.pageId;
        attempt.contactId = page.contactId;
        attempt.incidentId = page.incidentId;
        attempt.purpose = MessagePurpose.PAGE;
        attempt.channelType = channel.type();
        attempt.channelRank = rank;
        attempt.address = channel.address();
        attempt.attempt = 1;
        attempt.state = AttemptState.PENDING;
        attempt.messageKey = "page-" + page.pageId + "-" + rank;
        attempt.critical = page.critical();
        attempt.drill = page.drill;
        attempt.requestedAt = page.requestedAt;
        attempt.dueAt = due;
        return attempt;
    }

    /** A new pending attempt carrying the same message, for a retry on the same channel. */
    public SendAttempt retry(Instant due) {
        SendAttempt next = new SendAttempt();
        next.id = UUID.randomUUID();
        next.pageId = pageId;
        next.verificationId = verificationId;
        next.channelTestId = channelTestId;
        next.contactId = contactId;
        next.incidentId = incidentId;
        next.purpose = purpose;
        next.channelType = channelType;
        next.channelRank = channelRank;
        next.address = address;
        next.attempt = attempt + 1;
        next.state = AttemptState.PENDING;
        next.subject = subject;
        next.bodyText = bodyText;
        next.bodyHtml = bodyHtml;
        next.messageKey = messageKey;
        next.critical = critical;
        next.drill = drill;
        next.requestedAt = requestedAt;
        next.dueAt = due;
        return next;
    }
}
