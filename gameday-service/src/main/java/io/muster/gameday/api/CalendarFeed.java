package io.muster.gameday.api;

import io.muster.gameday.service.GameDayPlanner.Upcoming;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes upcoming game days as an RFC 5545 calendar: local start times with TZID, a VTIMEZONE for every zone used
 * (built from the JDK's zone rules for the feed's window), CRLF line endings, and lines folded at 75 octets.
 */
final class CalendarFeed {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarFeed() {
    }

    static String write(List<Upcoming> upcoming, Instant now, Instant horizon) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Muster//gameday-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:Muster game days");
        Set<ZoneId> zones = new LinkedHashSet<>();
        upcoming.forEach(u -> zones.add(u.start().getZone()));
        for (ZoneId zone : zones) {
            timezone(out, zone, now, horizon);
        }
        for (Upcoming u : upcoming) {
            String tzid = u.start().getZone().getId();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + u.gameDay().id + "-" + u.start().toInstant().getEpochSecond() + "@muster");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART;TZID=" + tzid + ":" + LOCAL.format(u.start()));
            line(out, "DTEND;TZID=" + tzid + ":"
                    + LOCAL.format(u.start().plusSeconds(u.gameDay().timeLimitSeconds)));
            line(out, "SUMMARY:" + text("[DRILL] " + u.gameDay().title));
            line(out, "DESCRIPTION:" + text(u.scenario().description + "\nMode: " + u.gameDay().mode
                    + "\nRoles: " + String.join(", ", u.gameDay().participantRoles)));
            line(out, "CATEGORIES:GAME DAY");
            if (u.gameDay().noticeMinutes != null) {
                line(out, "BEGIN:VALARM");
                line(out, "ACTION:DISPLAY");
                line(out, "DESCRIPTION:" + text("Game day starts in " + u.gameDay().noticeMinutes + " minutes"));
                line(out, "TRIGGER:-PT" + u.gameDay().noticeMinutes + "M");
                line(out, "END:VALARM");
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** The zone's offsets over the feed window: one STANDARD or DAYLIGHT part per transition in it. */
    private static void timezone(StringBuilder out, ZoneId zone, Instant now, Instant horizon) {
        ZoneRules rules = zone.getRules();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        ZoneOffsetTransition previous = rules.previousTransition(now);
        boolean any = false;
        if (previous != null) {
            observance(out, previous, rules);
            any = true;
        }
        ZoneOffsetTransition next = rules.nextTransition(now);
        while (next != null && next.getInstant().isBefore(horizon)) {
            observance(out, next, rules);
            any = true;
            next = rules.nextTransition(next.getInstant());
        }
        if (!any) {
            ZoneOffset offset = rules.getOffset(now);
            line(out, "BEGIN:STANDARD");
            line(out, "DTSTART:19700101T000000");
            line(out, "TZOFFSETFROM:" + offset(offset));
            line(out, "TZOFFSETTO:" + offset(offset));
            line(out, "END:STANDARD");
        }
        line(out, "END:VTIMEZONE");
    }

    private static void observance(StringBuilder out, ZoneOffsetTransition t, ZoneRules rules) {
        String kind = rules.isDaylightSavings(t.getInstant()) ? "DAYLIGHT" : "STANDARD";
        LocalDateTime localStart = t.getDateTimeBefore();
        line(out, "BEGIN:" + kind);
        line(out, "DTSTART:" + LOCAL.format(localStart));
        line(out, "TZOFFSETFROM:" + offset(t.getOffsetBefore()));
        line(out, "TZOFFSETTO:" + offset(t.getOffsetAfter()));
        line(out, "END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
    }

    /** Escapes a TEXT value (RFC 5545 section 3.3.11). */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "")
                .replace("\n", "\\n");
    }

    /** Appends a content line folded so that no physical line exceeds 75 octets, ending in CRLF. */
    static void line(StringBuilder out, String content) {
        int limit = 75;
        int used = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > limit) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                used = 1;
            }
            current.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }
}
