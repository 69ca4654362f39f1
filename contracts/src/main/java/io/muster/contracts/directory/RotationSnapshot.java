package io.muster.contracts.directory;

import io.muster.contracts.EventPayload;
import io.muster.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        if (shiftLength < 1) {
            throw new IllegalArgumentException("shiftLength must be at least 1");
        }
    }

    public enum ShiftUnit {
        HOURS, DAYS, WEEKS
    }

    /** {@code contactId} covers the rotation from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Override(UUID contactId, Instant from, Instant to) {
    }

    /**
     * Who answers for this rotation at {@code at}, in order: people whose override covers the instant, then the
     * member on shift, then the other members in rotation order as backups. Empty when the rotation has no
     * members and no override applies, or {@code at} is before the first hand-off.
     *
     * <p>Day and week shifts follow the local calendar: each hands off at the wall-clock time of
     * {@code handoffStart}, so a daylight-saving change makes that one shift an hour shorter or longer instead of
     * moving the hand-off. Hour shifts are spans of elapsed time. A hand-off time that does not exist on a
     * spring-forward day happens at the first valid instant after it.
     */
    public List<UUID> onCallAt(Instant at) {
        Set<UUID> ordered = new LinkedHashSet<>();
        for (Override o : overrides) {
            if (!at.isBefore(o.from()) && at.isBefore(o.to())) {
                ordered.add(o.contactId());
            }
        }
        int shift = shiftIndexAt(at);
        if (shift >= 0 && !members.isEmpty()) {
            for (int i = 0; i < members.size(); i++) {
                ordered.add(members.get((shift + i) % members.size()));
            }
        }
        return List.copyOf(new ArrayList<>(ordered));
    }

    /** The shift in progress at {@code at}, counting from 0 at {@code handoffStart}; -1 before it. */
    public int shiftIndexAt(Instant at) {
        ZoneId zone = ZoneId.of(timeZone);
        ZonedDateTime first = handoffStart.atZone(zone);
        if (at.isBefore(first.toInstant())) {
            return -1;
        }
        long elapsedUnits = switch (shiftUnit) {
            case HOURS -> Duration.between(first.toInstant(), at).toHours();
            case DAYS -> completedLocalDays(zone, at);
            case WEEKS -> completedLocalDays(zone, at) / 7;
        };
        return (int) (elapsedUnits / shiftLength);
    }

    /** Whole local days since the first hand-off, where a day turns over at the local hand-off time. */
    private long completedLocalDays(ZoneId zone, Instant at) {
        LocalDate startDate = handoffStart.toLocalDate();
        ZonedDateTime local = at.atZone(zone);
        long days = ChronoUnit.DAYS.between(startDate, local.toLocalDate());
        ZonedDateTime handoffToday = local.toLocalDate().atTime(handoffStart.toLocalTime()).atZone(zone);
        if (at.isBefore(handoffToday.toInstant())) {
            days--;
        }
        return days;
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
