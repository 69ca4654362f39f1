package io.muster.notification.api;

import io.muster.contracts.ChannelType;
import io.muster.notification.domain.ChannelTest;
import io.muster.notification.domain.ChannelTestStatus;
import java.time.Instant;
import java.util.UUID;

/** What became of a test page (the address left out: it is PII, and the directory has it). */
public record ChannelTestResponse(UUID testId, UUID contactId, UUID channelId, ChannelType channelType,
        ChannelTestStatus status, Instant requestedAt, Instant sentAt, String error) {

    static ChannelTestResponse of(ChannelTest t) {
        return new ChannelTestResponse(t.testId, t.contactId, t.channelId, t.channelType, t.status, t.requestedAt,
                t.sentAt, t.error);
    }
}
