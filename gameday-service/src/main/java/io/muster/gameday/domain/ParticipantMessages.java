package io.muster.gameday.domain;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The text of the emails participants get: pure functions of what the message is about. */
public final class ParticipantMessages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private ParticipantMessages() {
    }

    public record Text(String subject, String body) {
    }

    /** What a notice is about. {@code start} is in the game day's zone; {@code team} may be null. */
    public record NoticeFacts(String gameDayTitle, String scenarioName, ZonedDateTime start, GameDay.Mode mode,
            List<String> roles, String team, int timeLimitMinutes) {
    }

    /** "Sunday 22 March 2026, 09:00 Europe/London (GMT)": wall-clock time where the game day is held. */
    public static String localTime(ZonedDateTime at) {
        return WHEN.format(at) + " " + at.getZone().getId() + " (" + ZONE_NAME.format(at) + ")";
    }

    public static Text notice(NoticeFacts facts, String personName, List<String> personRoles) {
        String when = localTime(facts.start());
        StringBuilder body = new StringBuilder()
                .append("Hello ").append(personName).append(",\n\n")
                .append("A game day (an incident-response drill) is scheduled and you take part.\n\n")
                .append("Scenario:   ").append(facts.scenarioName()).append('\n')
                .append("Game day:   ").append(facts.gameDayTitle()).append('\n')
                .append("Starts:     ").append(when).append('\n')
                .append("Mode:       ").append(facts.mode()).append(" - ").append(modeMeaning(facts.mode()))
                .append('\n')
                .append("Time limit: ").append(facts.timeLimitMinutes()).append(" minutes\n")
                .append("Roles:      ").append(String.join(", ", facts.roles()));
        if (facts.team() != null) {
            body.append(" (team ").append(facts.team()).append(')');
        }
        body.append('\n')
                .append("You hold:   ").append(String.join(", ", personRoles)).append("\n\n")
                .append("Everything sent during the drill is marked [DRILL]. This is an exercise, not an incident.\n");
        return new Text("[DRILL] Game day notice: " + facts.scenarioName() + ", " + when, body.toString());
    }

    /**
     * The notice with a request to confirm, before the drill, that the access and tools the person's roles need are
     * in place: where to see them and how to confirm each in the directory ({@code directory} is its base URL).
     */
    public static Text withPreparednessRequest(Text notice, URI directory, UUID contactId) {
        String base = directory.toString().replaceAll("/+$", "");
        String body = notice.body()
                + "\nBefore the drill, please confirm that the access and tools your roles need are in place\n"
                + "(break-glass access, consoles, workstations): sign in and check each one works, then record it.\n"
                + "  Your list:  GET " + base + "/api/v1/people/" + contactId + "/preparedness\n"
                + "  Confirm:    PUT " + base + "/api/v1/people/" + contactId + "/preparedness/{itemKey}\n"
                + "              with {\"inPlace\": true} (or false, with a \"note\" saying what is missing)\n"
                + "The console will offer the same at /people/" + contactId + "/preparedness.\n";
        return new Text(notice.subject(), body);
    }

    /**
     * An inject: {@code audience} is a role key or {@link ScenarioInject#EVERYONE}; {@code pagedFor} the roles the
     * person was paged for in this run.
     */
    public static Text inject(String gameDayTitle, String scenarioName, ScenarioInject inject, String personName,
            List<String> pagedFor) {
        String to = ScenarioInject.EVERYONE.equals(inject.audience()) ? "everyone taking part"
                : "the " + inject.audience() + " role";
        String body = "Hello " + personName + ",\n\n"
                + "New information in the drill \"" + gameDayTitle + "\" (scenario: " + scenarioName + "), "
                + minutes(inject.atSeconds()) + " after it started, for " + to + ":\n\n"
                + inject.message() + "\n\n"
                + (pagedFor.isEmpty() ? "" : "You were paged for: " + String.join(", ", pagedFor) + ".\n")
                + "This is an exercise, not an incident.\n";
        return new Text("[DRILL] " + gameDayTitle + ": inject for " + to, body);
    }

    private static String modeMeaning(GameDay.Mode mode) {
        return switch (mode) {
            case LIVE -> "you may be paged for real by SMS and email; answer as you would on the day";
            case SILENT -> "a tabletop exercise: pages are recorded but none is sent";
        };
    }

    private static String minutes(int seconds) {
        if (seconds % 60 == 0) {
            return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
        }
        return seconds + " seconds";
    }
}
