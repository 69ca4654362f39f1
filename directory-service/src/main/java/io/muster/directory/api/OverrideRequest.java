package io.muster.directory.api;

import io.muster.directory.service.NewOverride;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** {@code contactId} covers the rotation from {@code from} (inclusive) to {@code to} (exclusive). */
public record OverrideRequest(@NotNull UUID contactId, @NotNull Instant from, @NotNull Instant to) {

    public NewOverride toOverride() {
        return new NewOverride(contactId, from, to);
    }
}
