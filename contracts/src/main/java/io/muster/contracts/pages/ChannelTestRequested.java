package io.muster.contracts.pages;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The directory asks for a test page on one contact channel: a message that says it is a test, carries no ack
 * link and belongs to no incident, so that a person (or the security team keeping the directory) sees the channel
 * reach its owner on the real paging path. Travels with pages, keyed by contact, so it queues behind that person's
 * real pages and never ahead of them. The address is carried because the channel may not be verified yet, and
 * unverified channels are not in anyone's replica. notification-service reports what became of it at
 * {@code GET /api/v1/channel-tests/{testId}}.
 */
public record ChannelTestRequested(
        UUID testId,
        UUID contactId,
        UUID channelId,
        ChannelType channelType,
        String address,
        String requestedBy,
        Instant requestedAt) implements EventPayload {

    public static final String TYPE = "ChannelTestRequested";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PAGES_REQUESTED;
    }

    @Override
    public String key() {
        return contactId.toString();
    }
}
