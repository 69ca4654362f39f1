package io.muster.directory.api;

import io.muster.contracts.directory.RotationSnapshot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

public record RotationResponse(UUID id, String name, UUID teamId, String roleKey, String timeZone,
        LocalDateTime handoffStart, RotationSnapshot.ShiftUnit shiftUnit, int shiftLength, List<UUID> members,
        List<OverrideResponse> overrides, Instant updatedAt) {

    public record OverrideResponse(UUID id, UUID contactId, Instant from, Instant to) {
    }
}
