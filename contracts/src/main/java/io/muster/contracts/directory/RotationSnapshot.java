package io.muster.contracts.directory;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An on-call rotation: members take turns, each for {@code shiftLength} {@code shiftUnit}s, handing off at the
 * local wall-clock time of {@code handoffStart} in {@code timeZone}. Overrides win over the rotation.
 */
public record RotationSnapshot(
        UUID rotationId,
        String name,
        UUID teamId,
        String roleKey,
        String timeZone,
        LocalDateTime handoffStart,
        ShiftUnit shiftUnit,
        int shiftLength,
        List<UUID> members,
        List<Override> overrides) implements EventPayload {

    public static final String TYPE = "RotationSnapshot";

    public RotationSnapshot {
        members = List.copyOf(members);
        overrides = List.copyOf(overrides);
    }

    public enum ShiftUnit {
        HOURS, DAYS, WEEKS
    }

    /** {@code contactId} covers the rotation from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Override(UUID contactId, Instant from, Instant to) {
    }

    public static String keyOf(UUID rotationId) {
        return "rotation:" + rotationId;
    }

    @java.lang.Override
    public String type() {
        return TYPE;
    }

    @java.lang.Override
    public String topic() {
        return Topics.DIRECTORY;
    }

    @java.lang.Override
    public String key() {
        return keyOf(rotationId);
    }
}
