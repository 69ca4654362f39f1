package io.muster.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.muster.contracts.directory.RotationSnapshot;

/**
 * A rotation's day grid, worked out from the rotation as the directory returns it with the same rule the directory
 * and escalation use ({@link RotationSnapshot#onCallAt}): for each local day, who is first on call during it, in
 * order, overrides included. It is the rotation's order only: whether that person can be reached is the directory's
 * who-is-on-call answer, which the page shows for now and the next hand-off.
 */
final class OnCallCalendar {

    /** One local day of a rotation: who is first on call at some point of it, in order of taking over. */
    record Day(LocalDate date, List<UUID> onCall, boolean today) {
    }

    private OnCallCalendar() {
    }

    static List<Day> days(RotationSnapshot rotation, LocalDate first, int count, LocalDate today) {
        ZoneId zone = ZoneId.of(rotation.timeZone());
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            LocalDate date = first.plusDays(d);
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            Set<Instant> samples = new TreeSet<>();
            for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
                samples.add(t);
            }
            // Overrides and hand-offs rarely fall on the hour; sample their starts as well.
            for (RotationSnapshot.Override o : rotation.overrides()) {
                if (!o.from().isBefore(start) && o.from().isBefore(end)) {
                    samples.add(o.from());
                }
                if (!o.to().isBefore(start) && o.to().isBefore(end)) {
                    samples.add(o.to());
                }
            }
            Instant handoff = date.atTime(rotation.handoffStart().toLocalTime()).atZone(zone).toInstant();
            if (!handoff.isBefore(start) && handoff.isBefore(end)) {
                samples.add(handoff);
            }
            Set<UUID> onCall = new LinkedHashSet<>();
            for (Instant t : samples) {
                List<UUID> order = rotation.onCallAt(t);
                if (!order.isEmpty()) {
                    onCall.add(order.get(0));
                }
            }
            days.add(new Day(date, List.copyOf(onCall), date.equals(today)));
        }
        return days;
    }

    /** The first hand-off after {@code now}: when the next member's shift begins (overrides aside). */
    static Instant nextHandoff(RotationSnapshot rotation, Instant now) {
        ZoneId zone = ZoneId.of(rotation.timeZone());
        ZonedDateTime first = rotation.handoffStart().atZone(zone);
        int shift = rotation.shiftIndexAt(now);
        if (shift < 0) {
            return first.toInstant();
        }
        long next = (long) (shift + 1) * rotation.shiftLength();
        return switch (rotation.shiftUnit()) {
            case HOURS -> first.toInstant().plus(Duration.ofHours(next));
            case DAYS -> rotation.handoffStart().toLocalDate().plusDays(next)
                    .atTime(rotation.handoffStart().toLocalTime()).atZone(zone).toInstant();
            case WEEKS -> rotation.handoffStart().toLocalDate().plusWeeks(next)
                    .atTime(rotation.handoffStart().toLocalTime()).atZone(zone).toInstant();
        };
    }
}
