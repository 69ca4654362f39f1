package io.muster.directory.service;

import io.muster.contracts.directory.RotationSnapshot;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A rotation as a use case creates or replaces it; {@code handoffStart} is a wall-clock time in {@code timeZone}.
 */
public record RotationFields(String name, UUID teamId, String roleKey, String timeZone, LocalDateTime handoffStart,
        RotationSnapshot.ShiftUnit shiftUnit, int shiftLength, List<UUID> members) {
}
