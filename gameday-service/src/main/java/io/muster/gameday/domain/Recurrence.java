package io.muster.gameday.domain;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a game day happens, as wall-clock times in a named zone: a weekly 09:00 drill in Europe/London stays at
 * 09:00 local across daylight-saving changes. Occurrences in a spring-forward gap move forward by the gap (Java's
 * {@link ZonedDateTime#of} rule); in an autumn overlap the earlier instant is used.
 */
public sealed interface Recurrence {

    /** The first occurrence strictly after {@code after}, if the schedule has one. */
    Optional<ZonedDateTime> nextAfter(Instant after);

    /** Occurrences strictly after {@code after} and before {@code until}, at most {@code limit}. */
    default List<ZonedDateTime> between(Instant after, Instant until, int limit) {
        List<ZonedDateTime> found = new ArrayList<>();
        Instant cursor = after;
        while (found.size() < limit) {
            Optional<ZonedDateTime> next = nextAfter(cursor);
            if (next.isEmpty() || !next.get().toInstant().isBefore(until)) {
                break;
            }
            found.add(next.get());
            cursor = next.get().toInstant();
        }
        return found;
    }

    enum Kind {
        ONCE, CRON, RRULE
    }

    /** Thrown with a message fit for a problem document when a rule cannot be understood. */
    final class InvalidRuleException extends IllegalArgumentException {
        public InvalidRuleException(String message) {
            super(message);
        }
    }

    static Recurrence of(Kind kind, String rule, LocalDateTime start, ZoneId zone) {
        return switch (kind) {
            case ONCE -> new Once(ZonedDateTime.of(start, zone));
            case CRON -> Cron.parse(rule, start, zone);
            case RRULE -> Rule.parse(rule, start, zone);
        };
    }

    record Once(ZonedDateTime at) implements Recurrence {
        @Override
        public Optional<ZonedDateTime> nextAfter(Instant after) {
            return at.toInstant().isAfter(after) ? Optional.of(at) : Optional.empty();
        }
    }

    /** A five-field Unix cron expression evaluated in the zone, from the start on. */
    record Cron(ExecutionTime execution, ZonedDateTime start) implements Recurrence {

        static Cron parse(String expression, LocalDateTime start, ZoneId zone) {
            try {
                CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
                return new Cron(ExecutionTime.forCron(parser.parse(expression.strip()).validate()),
                        ZonedDateTime.of(start, zone));
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException("not a five-field cron expression: " + e.getMessage());
            }
        }

        @Override
        public Optional<ZonedDateTime> nextAfter(Instant after) {
            ZonedDateTime from = ZonedDateTime.ofInstant(after, start.getZone());
            if (from.isBefore(start)) {
                from = start.minusSeconds(1);
            }
            return execution.nextExecution(from);
        }
    }

    /**
     * The RFC 5545 RRULE subset Muster accepts: FREQ=DAILY|WEEKLY|MONTHLY with INTERVAL, BYDAY (ordinals such as
     * 1MO or -1FR for MONTHLY only), and COUNT or UNTIL. The start is the anchor and the first candidate; it counts
     * as an occurrence only if it matches the rule.
     */
    record Rule(String freq, int interval, List<ByDay> byDay, Integer count, Instant until, LocalDate startDate,
            LocalTime time, ZoneId zone) implements Recurrence {

        record ByDay(int ordinal, DayOfWeek day) {
        }

        private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
                "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA",
                DayOfWeek.SATURDAY, "SU", DayOfWeek.SUNDAY);
        /** Far enough for any sensible drill schedule, near enough that a rule which never matches ends quickly. */
        private static final int SEARCH_DAYS = 366 * 30;

        static Rule parse(String text, LocalDateTime start, ZoneId zone) {
            if (text == null || text.isBlank()) {
                throw new InvalidRuleException("must not be empty");
            }
            String body = text.strip();
            if (body.startsWith("RRULE:")) {
                body = body.substring("RRULE:".length());
            }
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : body.split(";")) {
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new InvalidRuleException("'" + part + "' is not NAME=VALUE");
                }
                String name = part.substring(0, eq).toUpperCase();
                if (parts.put(name, part.substring(eq + 1).toUpperCase()) != null) {
                    throw new InvalidRuleException(name + " appears twice");
                }
            }
            for (String name : parts.keySet()) {
                if (!List.of("FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL").contains(name)) {
                    throw new InvalidRuleException(name + " is not supported (FREQ, INTERVAL, BYDAY, COUNT, UNTIL)");
                }
            }
            String freq = parts.get("FREQ");
            if (freq == null || !List.of("DAILY", "WEEKLY", "MONTHLY").contains(freq)) {
                throw new InvalidRuleException("FREQ must be DAILY, WEEKLY or MONTHLY");
            }
            int interval = number(parts.getOrDefault("INTERVAL", "1"), "INTERVAL", 1, 1000);
            Integer count = parts.containsKey("COUNT") ? number(parts.get("COUNT"), "COUNT", 1, 10_000) : null;
            Instant until = parts.containsKey("UNTIL") ? until(parts.get("UNTIL"), zone) : null;
            if (count != null && until != null) {
                throw new InvalidRuleException("COUNT and UNTIL must not both be given");
            }
            List<ByDay> byDay = new ArrayList<>();
            if (parts.containsKey("BYDAY")) {
                for (String day : parts.get("BYDAY").split(",")) {
                    byDay.add(byDay(day, freq));
                }
            }
            return new Rule(freq, interval, List.copyOf(byDay), count, until, start.toLocalDate(),
                    start.toLocalTime(), zone);
        }

        private static int number(String value, String name, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    throw new InvalidRuleException(name + " must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new InvalidRuleException(name + " must be a number");
            }
        }

        private static Instant until(String value, ZoneId zone) {
            try {
                if (value.endsWith("Z")) {
                    return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                            .toInstant(ZoneOffset.UTC);
                }
                if (value.length() == 8) {
                    // A date alone means "through the end of that day" in the schedule's zone.
                    return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).plusDays(1)
                            .atStartOfDay(zone).toInstant().minusNanos(1);
                }
                return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                        .atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRuleException("UNTIL must look like 20261231 or 20261231T235959Z");
            }
        }

        private static ByDay byDay(String text, String freq) {
            if (text.length() < 2 || !DAYS.containsKey(text.substring(text.length() - 2))) {
                throw new InvalidRuleException("BYDAY '" + text + "' is not a day such as MO or 1MO");
            }
            DayOfWeek day = DAYS.get(text.substring(text.length() - 2));
            String ordinalText = text.substring(0, text.length() - 2);
            if (ordinalText.isEmpty()) {
                return new ByDay(0, day);
            }
            if (!freq.equals("MONTHLY")) {
                throw new InvalidRuleException("BYDAY ordinals such as " + text + " need FREQ=MONTHLY");
            }
            int ordinal;
            try {
                ordinal = Integer.parseInt(ordinalText.startsWith("+") ? ordinalText.substring(1) : ordinalText);
            } catch (NumberFormatException e) {
                throw new InvalidRuleException("BYDAY '" + text + "' has a bad ordinal");
            }
            if (ordinal == 0 || Math.abs(ordinal) > 5) {
                throw new InvalidRuleException("BYDAY ordinal must be 1 to 5 or -1 to -5");
            }
            return new ByDay(ordinal, day);
        }

        @Override
        public Optional<ZonedDateTime> nextAfter(Instant after) {
            int seen = 0;
            for (int i = 0; i < SEARCH_DAYS; i++) {
                LocalDate date = startDate.plusDays(i);
                if (!matches(date)) {
                    continue;
                }
                seen++;
                if (count != null && seen > count) {
                    return Optional.empty();
                }
                ZonedDateTime at = ZonedDateTime.of(date, time, zone);
                if (until != null && at.toInstant().isAfter(until)) {
                    return Optional.empty();
                }
                if (at.toInstant().isAfter(after)) {
                    return Optional.of(at);
                }
            }
            return Optional.empty();
        }

        private boolean matches(LocalDate date) {
            return switch (freq) {
                case "DAILY" -> ChronoUnit.DAYS.between(startDate, date) % interval == 0
                        && (byDay.isEmpty() || byDay.stream().anyMatch(b -> b.day() == date.getDayOfWeek()));
                case "WEEKLY" -> ChronoUnit.WEEKS.between(weekOf(startDate), weekOf(date)) % interval == 0
                        && (byDay.isEmpty() ? date.getDayOfWeek() == startDate.getDayOfWeek()
                                : byDay.stream().anyMatch(b -> b.day() == date.getDayOfWeek()));
                default -> ChronoUnit.MONTHS.between(YearMonth.from(startDate), YearMonth.from(date)) % interval == 0
                        && (byDay.isEmpty() ? date.getDayOfMonth() == startDate.getDayOfMonth()
                                : byDay.stream().anyMatch(b -> monthlyMatch(b, date)));
            };
        }

        private static LocalDate weekOf(LocalDate date) {
            return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        private static boolean monthlyMatch(ByDay b, LocalDate date) {
            if (b.day() != date.getDayOfWeek()) {
                return false;
            }
            if (b.ordinal() > 0) {
                return (date.getDayOfMonth() - 1) / 7 + 1 == b.ordinal();
            }
            if (b.ordinal() < 0) {
                return (date.lengthOfMonth() - date.getDayOfMonth()) / 7 + 1 == -b.ordinal();
            }
            return true;
        }
    }
}
