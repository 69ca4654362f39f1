package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.muster.contracts.directory.RotationSnapshot;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;

class OnCallCalendarTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    /** Daily hand-off at 09:00 London, starting the day before the clocks go forward (29 March 2026). */
    private static RotationSnapshot daily(List<RotationSnapshot.Override> overrides) {
        return new RotationSnapshot(UUID.randomUUID(), "IC primary", UUID.randomUUID(), "incident-commander",
                "Europe/London", LocalDateTime.parse("2026-03-28T09:00"), ShiftUnit.DAYS, 1, List.of(A, B), overrides);
    }

    @Test
    void eachDayListsWhoIsFirstOnCallInTheOrderTheyTakeOver() {
        List<OnCallCalendar.Day> days = OnCallCalendar.days(daily(List.of()), LocalDate.parse("2026-03-28"), 3,
                LocalDate.parse("2026-03-29"));

        // 28th: nobody before the first hand-off at 09:00, then A. 29th: A until 09:00 (BST now), then B.
        // 30th: B until 09:00, then A.
        assertThat(days).extracting(OnCallCalendar.Day::onCall)
                .containsExactly(List.of(A), List.of(A, B), List.of(B, A));
        assertThat(days).extracting(OnCallCalendar.Day::today).containsExactly(false, true, false);
    }

    @Test
    void anOverrideThatStartsOffTheHourStillShowsOnItsDay() {
        // C covers 13:00-14:30 BST on the 30th (12:00-13:30 UTC): B, then A at 09:00, C at 13:00, A again.
        RotationSnapshot rotation = daily(List.of(new RotationSnapshot.Override(C,
                Instant.parse("2026-03-30T12:00:00Z"), Instant.parse("2026-03-30T13:30:00Z"))));

        List<OnCallCalendar.Day> days = OnCallCalendar.days(rotation, LocalDate.parse("2026-03-30"), 1,
                LocalDate.parse("2026-03-30"));

        assertThat(days.get(0).onCall()).containsExactly(B, A, C);
    }

    @Test
    void theNextHandOffKeepsTheLocalTimeAcrossDaylightSaving() {
        // 11:00 BST on the 29th is in shift 1 (B, from 09:00); shift 2 starts 09:00 BST on the 30th = 08:00 UTC.
        assertThat(OnCallCalendar.nextHandoff(daily(List.of()), Instant.parse("2026-03-29T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        // Before the first hand-off, the first hand-off is next: 09:00 GMT on the 28th.
        assertThat(OnCallCalendar.nextHandoff(daily(List.of()), Instant.parse("2026-03-27T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-28T09:00:00Z"));
    }

    @Test
    void hourShiftsHandOffEveryShiftLengthOfElapsedTime() {
        RotationSnapshot halfDays = new RotationSnapshot(UUID.randomUUID(), "SOC", UUID.randomUUID(),
                "security-analyst", "UTC", LocalDateTime.parse("2026-01-01T00:00"), ShiftUnit.HOURS, 12,
                List.of(A, B), List.of());

        assertThat(OnCallCalendar.nextHandoff(halfDays, Instant.parse("2026-01-01T13:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(OnCallCalendar.days(halfDays, LocalDate.parse("2026-01-01"), 1, LocalDate.parse("2026-01-01"))
                .get(0).onCall()).containsExactly(A, B);
    }
}
