package io.muster.directory.service;

import java.time.Instant;
import java.util.UUID;

/** {@code contactId} covers a rotation from {@code from} (inclusive) to {@code to} (exclusive). */
public record NewOverride(UUID contactId, Instant from, Instant to) {
}
