package io.muster.directory.api;

import java.time.Instant;
import java.util.UUID;

/** A code was sent; it is valid until {@code expiresAt}. */
public record VerificationResponse(UUID verificationId, UUID channelId, Instant expiresAt) {
}
