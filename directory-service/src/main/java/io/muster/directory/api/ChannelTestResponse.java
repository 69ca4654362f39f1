package io.muster.directory.api;

import java.time.Instant;
import java.util.UUID;

/** A test page was asked for; notification-service reports what became of it under {@code testId}. */
public record ChannelTestResponse(UUID testId, UUID channelId, Instant requestedAt) {
}
