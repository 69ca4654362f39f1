package io.muster.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.muster.contracts.directory.RotationSnapshot;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RotationSnapshotTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final UUID A = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID B = UUID.fromString("00000000-0000-4000-8000-0000000000b2");
    static final UUID C = UUID.fromString("00000000-0000-4000-8000-0000000000c3");

    static RotationSnapshot daily(String start, List<RotationSnapshot.Override> overrides) {
        return new RotationSnapshot(UUID.randomUUID(), "SecOps", UUID.randomUUID(), "incident-commander",
                LONDON.getId(), LocalDateTime.parse(start), ShiftUnit.DAYS, 1, List.of(A, B, C), overrides);
    }

    static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    /** Every instant in [from, to) stepped by a minute, with the primary responder at each. */
    static List<Instant> handoffs(RotationSnapshot rotation, Instant from, Instant to) {
        List<Instant> changes = new ArrayList<>();
        UUID previous = rotation.onCallAt(from).get(0);
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            List<UUID> onCall = rotation.onCallAt(t);
            assertThat(onCall).as("someone is on call at %s", t).isNotEmpty();
            assertThat(onCall).as("nobody twice at %s", t).doesNotHaveDuplicates();
            if (!onCall.get(0).equals(previous)) {
                changes.add(t);
                previous = onCall.get(0);
            }
        }
        return changes;
    }

    @Test
    void dailyShiftsHandOffAtTheLocalTimeEveryDay() {
        RotationSnapshot rotation = daily("2026-03-02T09:00", List.of());
        assertThat(rotation.onCallAt(london("2026-03-02T08:59"))).isEmpty();
        assertThat(rotation.onCallAt(london("2026-03-02T09:00"))).containsExactly(A, B, C);
        assertThat(rotation.onCallAt(london("2026-03-03T08:59"))).containsExactly(A, B, C);
        assertThat(rotation.onCallAt(london("2026-03-03T09:00"))).containsExactly(B, C, A);
        assertThat(rotation.onCallAt(london("2026-03-04T12:00"))).containsExactly(C, A, B);
        assertThat(rotation.onCallAt(london("2026-03-05T09:00"))).containsExactly(A, B, C);
    }

    @Test
    void springForwardNeitherDropsNorDoublesCoverage() {
        // Clocks go from 01:00 GMT to 02:00 BST on 29 March 2026: that day's shift is 23 hours long.
        RotationSnapshot rotation = daily("2026-03-02T09:00", List.of());
        List<Instant> changes = handoffs(rotation, london("2026-03-27T12:00"), london("2026-03-31T12:00"));
        assertThat(changes).containsExactly(london("2026-03-28T09:00"), london("2026-03-29T09:00"),
                london("2026-03-30T09:00"), london("2026-03-31T09:00"));
        assertThat(Duration.between(changes.get(0), changes.get(1))).isEqualTo(Duration.ofHours(23));
        assertThat(rotation.onCallAt(Instant.parse("2026-03-29T00:59:00Z")).get(0))
                .isEqualTo(rotation.onCallAt(Instant.parse("2026-03-29T01:00:00Z")).get(0));
    }

    @Test
    void fallBackNeitherDropsNorDoublesCoverage() {
        // Clocks go from 02:00 BST back to 01:00 GMT on 25 October 2026: that day's shift is 25 hours long, and
        // the repeated hour 01:00-02:00 belongs to one person throughout.
        RotationSnapshot rotation = daily("2026-10-01T09:00", List.of());
        List<Instant> changes = handoffs(rotation, london("2026-10-23T12:00"), london("2026-10-27T12:00"));
        assertThat(changes).containsExactly(london("2026-10-24T09:00"), london("2026-10-25T09:00"),
                london("2026-10-26T09:00"), london("2026-10-27T09:00"));
        assertThat(Duration.between(changes.get(0), changes.get(1))).isEqualTo(Duration.ofHours(25));
        UUID firstPass = rotation.onCallAt(Instant.parse("2026-10-25T00:30:00Z")).get(0);
        UUID secondPass = rotation.onCallAt(Instant.parse("2026-10-25T01:30:00Z")).get(0);
        assertThat(firstPass).isEqualTo(secondPass);
    }

    @Test
    void hourShiftsAreElapsedTimeAcrossTheChange() {
        RotationSnapshot rotation = new RotationSnapshot(UUID.randomUUID(), "Follow the sun", UUID.randomUUID(),
                "security-analyst", LONDON.getId(), LocalDateTime.parse("2026-03-28T20:00"), ShiftUnit.HOURS, 12,
                List.of(A, B), List.of());
        List<Instant> changes = handoffs(rotation, london("2026-03-28T20:00"), london("2026-03-30T20:00"));
        for (int i = 1; i < changes.size(); i++) {
            assertThat(Duration.between(changes.get(i - 1), changes.get(i))).isEqualTo(Duration.ofHours(12));
        }
        assertThat(changes).hasSize(3);
    }

    @Test
    void weeklyShiftsFollowTheCalendar() {
        RotationSnapshot rotation = new RotationSnapshot(UUID.randomUUID(), "Weekly", UUID.randomUUID(),
                "incident-commander", LONDON.getId(), LocalDateTime.parse("2026-03-23T09:00"), ShiftUnit.WEEKS, 1,
                List.of(A, B), List.of());
        assertThat(rotation.onCallAt(london("2026-03-30T08:59")).get(0)).isEqualTo(A);
        assertThat(rotation.onCallAt(london("2026-03-30T09:00")).get(0)).isEqualTo(B);
        assertThat(rotation.onCallAt(london("2026-04-06T09:00")).get(0)).isEqualTo(A);
    }

    @Test
    void anOverrideComesFirstOnlyWhileItLasts() {
        UUID cover = UUID.randomUUID();
        Instant from = london("2026-03-10T18:00");
        Instant to = london("2026-03-11T06:00");
        RotationSnapshot rotation = daily("2026-03-02T09:00", List.of(new RotationSnapshot.Override(cover, from, to)));
        assertThat(rotation.onCallAt(from.minusSeconds(1)).get(0)).isNotEqualTo(cover);
        assertThat(rotation.onCallAt(from)).first().isEqualTo(cover);
        assertThat(rotation.onCallAt(to.minusSeconds(1))).first().isEqualTo(cover);
        assertThat(rotation.onCallAt(to)).doesNotContain(cover);
        // The person covered is still listed behind the override, as backup.
        assertThat(rotation.onCallAt(from)).hasSize(4);
    }

    @Test
    void anOverrideCoversARotationWithoutMembers() {
        UUID cover = UUID.randomUUID();
        RotationSnapshot empty = new RotationSnapshot(UUID.randomUUID(), "Empty", UUID.randomUUID(), "legal-counsel",
                LONDON.getId(), LocalDateTime.parse("2026-03-02T09:00"), ShiftUnit.DAYS, 1, List.of(),
                List.of(new RotationSnapshot.Override(cover, london("2026-03-05T00:00"), london("2026-03-06T00:00"))));
        assertThat(empty.onCallAt(london("2026-03-05T12:00"))).containsExactly(cover);
        assertThat(empty.onCallAt(london("2026-03-06T12:00"))).isEmpty();
    }

    @Test
    void aShiftMustLastAtLeastOneUnit() {
        assertThatThrownBy(() -> new RotationSnapshot(UUID.randomUUID(), "x", UUID.randomUUID(), "r", "UTC",
                LocalDateTime.parse("2026-01-01T00:00"), ShiftUnit.DAYS, 0, List.of(A), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
