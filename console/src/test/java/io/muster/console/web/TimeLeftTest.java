package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeLeftTest {

    @Test
    void aClockShowsDaysAndHoursThenHoursAndMinutesThenMinutes() {
        // 2 d 3 h 59 min 59 s: the minutes are dropped once a clock counts in days.
        assertThat(TimeLeft.describe(2 * 86_400 + 3 * 3_600 + 59 * 60 + 59)).isEqualTo("2 d 3 h left");
        assertThat(TimeLeft.describe(3 * 86_400)).isEqualTo("3 d left");
        assertThat(TimeLeft.describe(3 * 3_600 + 20 * 60 + 5)).isEqualTo("3 h 20 min left");
        assertThat(TimeLeft.describe(72 * 3_600 - 1)).isEqualTo("2 d 23 h left");
        assertThat(TimeLeft.describe(5 * 3_600)).isEqualTo("5 h left");
        assertThat(TimeLeft.describe(12 * 60 + 59)).isEqualTo("12 min left");
    }

    @Test
    void theLastMinuteAndAPassedDeadlineReadAsSuch() {
        assertThat(TimeLeft.describe(59)).isEqualTo("under a minute left");
        assertThat(TimeLeft.describe(0)).isEqualTo("under a minute left");
        assertThat(TimeLeft.describe(-30)).isEqualTo("overdue by 1 min");
        assertThat(TimeLeft.describe(-(3_600 + 5 * 60))).isEqualTo("overdue by 1 h 5 min");
        assertThat(TimeLeft.describe(-(86_400 + 7_200))).isEqualTo("overdue by 1 d 2 h");
    }

    @Test
    void aClockNotNotifiedWithUnderAQuarterOfItsTimeLeftIsUrgent() {
        // 72 h clock: a quarter is 18 h = 64 800 s.
        assertThat(clock(72, 64_799, null).urgent()).isTrue();
        assertThat(clock(72, 64_800, null).urgent()).isFalse();
        assertThat(clock(72, -10, null).urgent()).isTrue();
        assertThat(clock(72, -10, "2026-12-02T10:00:00Z").urgent()).isFalse();
    }

    private static IncidentViews.Clock clock(int hours, long secondsLeft, String notifiedAt) {
        return new IncidentViews.Clock("c", "REGULATOR", "Data Protection Authority", "legal", "data-breach", hours,
                null, null, secondsLeft, "RUNNING", false, 0, notifiedAt, null, null);
    }
}
