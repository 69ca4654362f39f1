package io.muster.directory.api;

import io.muster.contracts.directory.RotationSnapshot;
import io.muster.directory.domain.Rotation;
import io.muster.directory.service.RotationSchedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

public record RotationResponse(UUID id, String name, UUID teamId, String roleKey, String timeZone,
        LocalDateTime handoffStart, RotationSnapshot.ShiftUnit shiftUnit, int shiftLength, List<UUID> members,
        List<OverrideResponse> overrides, Instant updatedAt) {

    public static RotationResponse of(RotationSchedule.RotationDetails details) {
        Rotation r = details.rotation();
        return new RotationResponse(r.id, r.name, r.teamId, r.roleKey, r.timeZone, r.handoffStart, r.shiftUnit,
                r.shiftLength, List.copyOf(r.members), details.overrides().stream()
                        .map(o -> new OverrideResponse(o.id, o.contactId, o.startsAt, o.endsAt)).toList(),
                r.updatedAt);
    }

    public record OverrideResponse(UUID id, UUID contactId, Instant from, Instant to) {
    }
}
