package io.muster.directory.api;

import io.muster.directory.service.RotationFields;
import io.muster.contracts.directory.RotationSnapshot;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Create or replace a rotation. {@code handoffStart} is a local date-time in {@code timeZone} (no offset): day and
 * week shifts hand off at that wall-clock time every day, whatever daylight saving does.
 */
public record RotationRequest(
        @NotBlank @Size(max = 120) String name,
        @NotNull UUID teamId,
        @NotBlank @Size(max = 63) String roleKey,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull LocalDateTime handoffStart,
        @NotNull RotationSnapshot.ShiftUnit shiftUnit,
        @NotNull @Min(1) @Max(1000) Integer shiftLength,
        @NotNull @Size(max = 100) List<@NotNull UUID> members) {

    public RotationFields toFields() {
        return new RotationFields(name, teamId, roleKey, timeZone, handoffStart, shiftUnit, shiftLength, members);
    }
}
