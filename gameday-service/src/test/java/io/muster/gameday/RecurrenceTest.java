package io.muster.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.muster.gameday.domain.Recurrence;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static List<String> utc(List<ZonedDateTime> times) {
        return times.stream().map(t -> t.toInstant().toString()).toList();
    }

    @Test
    void aWeeklyNineOClockDrillStaysAtNineLocalAcrossBothLondonClockChanges() {
        Recurrence weekly = Recurrence.of(Recurrence.Kind.RRULE, "FREQ=WEEKLY;BYDAY=SU",
                LocalDateTime.parse("2026-03-22T09:00"), LONDON);
        assertThat(utc(weekly.between(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-04-06T00:00:00Z"),
                10))).containsExactly("2026-03-22T09:00:00Z", "2026-03-29T08:00:00Z", "2026-04-05T08:00:00Z");
        assertThat(utc(weekly.between(Instant.parse("2026-10-17T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
                10))).containsExactly("2026-10-18T08:00:00Z", "2026-10-25T09:00:00Z", "2026-11-01T09:00:00Z");
        assertThat(weekly.between(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"), 60))
                .allSatisfy(t -> assertThat(t.toLocalTime()).hasToString("09:00"));
    }

    @Test
    void cronExpressionsAreReadInTheScheduleZoneToo() {
        Recurrence cron = Recurrence.of(Recurrence.Kind.CRON, "0 9 * * 0", LocalDateTime.parse("2026-03-01T00:00"),
                LONDON);
        assertThat(utc(cron.between(Instant.parse("2026-03-21T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                10))).containsExactly("2026-03-22T09:00:00Z", "2026-03-29T08:00:00Z");
        assertThat(utc(cron.between(Instant.parse("2026-10-20T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"),
                10))).containsExactly("2026-10-25T09:00:00Z");
    }

    @Test
    void intervalCountUntilAndMonthlyOrdinalsFollowRfc5545() {
        Recurrence everyOtherWeek = Recurrence.of(Recurrence.Kind.RRULE, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5",
                LocalDateTime.parse("2026-01-06T14:30"), ZoneId.of("America/New_York"));
        assertThat(everyOtherWeek.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                20)).extracting(t -> t.toLocalDate().toString())
                .containsExactly("2026-01-06", "2026-01-08", "2026-01-20", "2026-01-22", "2026-02-03");
        Recurrence lastFriday = Recurrence.of(Recurrence.Kind.RRULE, "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260430",
                LocalDateTime.parse("2026-01-01T10:00"), LONDON);
        assertThat(lastFriday.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                20)).extracting(t -> t.toLocalDate().toString())
                .containsExactly("2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24");
        Recurrence daily = Recurrence.of(Recurrence.Kind.RRULE, "FREQ=DAILY;INTERVAL=3;COUNT=3",
                LocalDateTime.parse("2026-05-01T08:00"), LONDON);
        assertThat(daily.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), 20))
                .extracting(t -> t.toLocalDate().toString()).containsExactly("2026-05-01", "2026-05-04", "2026-05-07");
        Recurrence once = Recurrence.of(Recurrence.Kind.ONCE, null, LocalDateTime.parse("2026-05-01T08:00"), LONDON);
        assertThat(once.nextAfter(Instant.parse("2026-05-01T07:00:00Z"))).isEmpty();
        assertThat(once.nextAfter(Instant.parse("2026-05-01T06:59:59Z"))).isPresent();
    }

    @Test
    void rulesOutsideTheSubsetAreRefusedWithAReason() {
        LocalDateTime start = LocalDateTime.parse("2026-05-01T08:00");
        assertThatThrownBy(() -> Recurrence.of(Recurrence.Kind.RRULE, "FREQ=YEARLY", start, LONDON))
                .hasMessageContaining("FREQ");
        assertThatThrownBy(() -> Recurrence.of(Recurrence.Kind.RRULE, "FREQ=WEEKLY;BYDAY=1MO", start, LONDON))
                .hasMessageContaining("MONTHLY");
        assertThatThrownBy(() -> Recurrence.of(Recurrence.Kind.RRULE, "FREQ=DAILY;COUNT=2;UNTIL=20261231", start,
                LONDON)).hasMessageContaining("COUNT and UNTIL");
        assertThatThrownBy(() -> Recurrence.of(Recurrence.Kind.RRULE, "FREQ=DAILY;BYHOUR=9", start, LONDON))
                .hasMessageContaining("BYHOUR");
        assertThatThrownBy(() -> Recurrence.of(Recurrence.Kind.CRON, "every tuesday", start, LONDON))
                .isInstanceOf(Recurrence.InvalidRuleException.class);
    }
}
