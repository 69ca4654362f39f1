package io.muster.notification.providers;

import io.muster.contracts.ChannelType;
import java.util.UUID;

/** What a provider needs to send one attempt; detached from the database row it was claimed from. */
public record OutgoingMessage(UUID attemptId, ChannelType channel, String address, String subject, String text,
        String html, String messageKey) {
}
