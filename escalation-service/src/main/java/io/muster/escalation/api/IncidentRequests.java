package io.muster.escalation.api;

import io.muster.contracts.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the incident lifecycle operations. */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    /** Acknowledge or resolve the open incident a calling system knows only by its dedup key. */
    public record ByDedupKey(@NotBlank @Size(max = 255) String dedupKey) {
    }

    public record Note(@NotBlank @Size(max = 4_000) String text) {
    }

    public record SeverityChange(@NotNull Severity severity) {
    }
}
