package io.muster.contracts.pages;

import io.muster.contracts.ChannelType;
import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The directory asks for a one-time code to be sent to a contact channel that is not verified yet; the person
 * confirms the code back to the directory. Travels with pages (keyed by contact) because notification-service
 * is the only part of Muster that sends messages. The address is carried because unverified channels are not
 * in anyone's replica.
 */
public record ChannelVerificationRequested(
        UUID verificationId,
        UUID contactId,
        UUID channelId,
        ChannelType channelType,
        String address,
        String code,
        Instant expiresAt) implements EventPayload {

    public static final String TYPE = "ChannelVerificationRequested";

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
