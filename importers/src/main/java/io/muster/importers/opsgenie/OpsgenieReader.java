package io.muster.importers.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import io.muster.importers.source.SourceOrganisation;
import io.muster.importers.source.SourceOrganisation.Channel;
import io.muster.importers.source.SourceOrganisation.Escalation;
import io.muster.importers.source.SourceOrganisation.Person;
import io.muster.importers.source.SourceOrganisation.ResponsePlan;
import io.muster.importers.source.SourceOrganisation.Rotation;
import io.muster.importers.source.SourceOrganisation.Schedule;
import io.muster.importers.source.SourceOrganisation.Stage;
import io.muster.importers.source.SourceOrganisation.Target;
import io.muster.importers.source.SourceOrganisation.TargetKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Opsgenie account through its REST API v2: users with their contacts, schedules with their rotations,
 * escalations, and teams (each team that owns escalations becomes a response plan for its own incident type at
 * priorities P1 to P4, engaging them).
 */
public final class OpsgenieReader {

    public static final String PROVIDER = "Opsgenie";

    private final OpsgenieApi api;
    private final Clock clock;

    public OpsgenieReader(OpsgenieApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public SourceOrganisation read() {
        List<String> notes = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        for (JsonNode u : api.list("/v2/users?limit=" + OpsgenieApi.PAGE_SIZE)) {
            String id = u.path("id").asText();
            people.add(person(u, api.list("/v2/users/" + encode(id) + "/contacts"), notes));
        }
        List<Schedule> schedules = new ArrayList<>();
        for (JsonNode s : api.list("/v2/schedules?expand=rotation")) {
            schedules.add(schedule(s, notes));
        }
        if (!schedules.isEmpty()) {
            notes.add("schedule overrides are not read: enter the coming ones in Muster");
        }
        List<JsonNode> listed = api.list("/v2/escalations");
        List<Escalation> escalations = new ArrayList<>();
        for (JsonNode e : listed) {
            escalations.add(escalation(e, notes));
        }
        List<ResponsePlan> plans = new ArrayList<>();
        for (JsonNode t : api.list("/v2/teams")) {
            plans.addAll(teamPlans(t, listed, notes));
        }
        return new SourceOrganisation(PROVIDER, people, schedules, escalations, plans, notes);
    }

    private static Person person(JsonNode u, List<JsonNode> contacts, List<String> notes) {
        String username = u.path("username").asText(u.path("id").asText());
        List<Channel> channels = new ArrayList<>();
        int order = 1;
        for (JsonNode c : contacts) {
            String method = c.path("method").asText();
            ChannelType kind = switch (method) {
                case "email" -> ChannelType.EMAIL;
                case "sms" -> ChannelType.SMS;
                case "voice" -> ChannelType.VOICE;
                default -> null;
            };
            if (kind == null) {
                notes.add("user " + username + ": contact " + method + " has no Muster channel");
                continue;
            }
            if (!c.path("status").path("enabled").asBoolean(true)) {
                notes.add("user " + username + ": the " + method + " contact " + c.path("to").asText()
                        + " is disabled in Opsgenie; left out");
                continue;
            }
            String to = c.path("to").asText();
            if (kind != ChannelType.EMAIL) {
                to = phone(to);
            }
            // Opsgenie's API shows no proof that an address reached its owner: Muster verifies each.
            channels.add(new Channel(c.path("id").asText(), method, kind, to, false, order++));
        }
        String handle = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        Optional<String> zone = Optional.ofNullable(u.path("timeZone").textValue()).filter(z -> !z.isBlank());
        return new Person(u.path("id").asText(), handle, u.path("fullName").asText(handle), zone, channels);
    }

    /** Opsgenie writes numbers as country code, dash, number ({@code 44-7700900123}): E.164 is {@code +447700900123}. */
    static String phone(String to) {
        String t = to.strip();
        int dash = t.indexOf('-');
        if (!t.startsWith("+") && dash > 0 && dash <= 4 && t.substring(0, dash).chars().allMatch(Character::isDigit)) {
            return "+" + t.substring(0, dash) + t.substring(dash + 1);
        }
        return t;
    }

    private Schedule schedule(JsonNode s, List<String> notes) {
        String id = s.path("id").asText();
        String name = s.path("name").asText(id);
        String zone = s.path("timezone").asText("UTC");
        Instant now = clock.instant();
        if (!s.path("enabled").asBoolean(true)) {
            notes.add("schedule " + name + " is disabled in Opsgenie; its role is made all the same");
        }
        List<Rotation> rotations = new ArrayList<>();
        for (JsonNode r : s.path("rotations")) {
            if (r.hasNonNull("endDate") && instant(r.path("endDate").asText()).map(e -> e.isBefore(now))
                    .orElse(false)) {
                continue; // ended: history, not a rotation
            }
            rotations.add(rotation(name, r, zone));
        }
        if (rotations.isEmpty()) {
            notes.add("schedule " + name + " has no current rotation");
        }
        return new Schedule(id, name, name, rotations);
    }

    private Rotation rotation(String scheduleName, JsonNode r, String zone) {
        String name = scheduleName + " / " + r.path("name").asText(r.path("id").asText());
        List<String> limits = new ArrayList<>();
        Optional<String> cannotMap = Optional.empty();
        List<String> members = new ArrayList<>();
        for (JsonNode p : r.path("participants")) {
            String type = p.path("type").asText();
            if (type.equals("user")) {
                members.add(p.path("id").asText());
            } else if (cannotMap.isEmpty()) {
                cannotMap = Optional.of(type.equals("none")
                        ? "some of its turns have nobody on call, which a Muster rotation cannot leave out"
                        : "it rotates through a " + type + ", not people");
            }
        }
        if (members.isEmpty() && cannotMap.isEmpty()) {
            cannotMap = Optional.of("it has nobody in it");
        }
        if (r.hasNonNull("timeRestriction")) {
            limits.add("it is restricted to some hours or days (" + r.path("timeRestriction").path("type").asText()
                    + "); the Muster rotation covers every hour");
        }
        ShiftUnit unit = switch (r.path("type").asText()) {
            case "hourly" -> ShiftUnit.HOURS;
            case "weekly" -> ShiftUnit.WEEKS;
            case "daily" -> ShiftUnit.DAYS;
            default -> null;
        };
        if (unit == null) {
            unit = ShiftUnit.DAYS;
            if (cannotMap.isEmpty()) {
                cannotMap = Optional.of("its rotation type " + r.path("type").asText() + " is not hourly, daily or"
                        + " weekly");
            }
        }
        int length = Math.max(1, r.path("length").asInt(1));
        Instant start = instant(r.path("startDate").asText()).orElse(null);
        if (start == null) {
            start = clock.instant();
            if (cannotMap.isEmpty()) {
                cannotMap = Optional.of("its start date " + r.path("startDate").asText() + " could not be read");
            }
        }
        ZonedDateTime local;
        try {
            local = start.atZone(ZoneId.of(zone));
        } catch (DateTimeException e) {
            local = start.atZone(ZoneId.of("UTC"));
        }
        return new Rotation(r.path("id").asText(), name, members, start, zone, unit, length, local.toLocalTime(),
                unit == ShiftUnit.WEEKS ? Optional.of(local.getDayOfWeek()) : Optional.empty(), List.of(), limits,
                cannotMap);
    }

    /**
     * Opsgenie measures each rule's delay from the alert's creation, so a stage waits the difference to the next
     * rule's delay; rules of the same delay start together. The last stage waits the repeat's interval if the
     * escalation repeats.
     */
    private static Escalation escalation(JsonNode e, List<String> notes) {
        String name = e.path("name").asText(e.path("id").asText());
        List<Integer> at = new ArrayList<>();
        List<List<Target>> targets = new ArrayList<>();
        int i = 0;
        for (JsonNode rule : e.path("rules")) {
            i++;
            String subject = "escalation " + name + " rule " + i;
            JsonNode recipient = rule.path("recipient");
            String type = recipient.path("type").asText();
            String notifyType = rule.path("notifyType").asText("default");
            if (rule.path("condition").asText("if-not-acked").equals("if-not-closed")) {
                notes.add(subject + " goes on until the alert is closed; Muster's stages stop at acknowledgement");
            }
            Target target = null;
            if (type.equals("user")) {
                target = new Target(TargetKind.PERSON, recipient.path("id").asText());
            } else if (type.equals("schedule") && notifyType.equals("default")) {
                target = new Target(TargetKind.SCHEDULE, recipient.path("id").asText());
            } else if (type.equals("schedule")) {
                notes.add(subject + " notifies the " + notifyType + " person on call in schedule "
                        + recipient.path("name").asText() + ", which Muster has no stage for");
            } else {
                notes.add(subject + " notifies a " + type + " (" + recipient.path("name").asText() + ", "
                        + notifyType + "), which Muster does not page");
            }
            if (target == null) {
                continue;
            }
            at.add(minutes(rule.path("delay")));
            targets.add(List.of(target));
        }
        JsonNode repeat = e.path("repeat");
        int repeats = repeat.path("count").asInt(0);
        List<Stage> stages = new ArrayList<>();
        for (int s = 0; s < targets.size(); s++) {
            int wait = s + 1 < targets.size() ? at.get(s + 1) - at.get(s)
                    : repeats > 0 ? repeat.path("waitInterval").asInt(0) : 0;
            stages.add(new Stage(Math.max(0, wait), targets.get(s)));
        }
        if (!at.isEmpty() && at.get(0) > 0) {
            notes.add("escalation " + name + " waits " + at.get(0) + " min before its first rule; Muster pages the"
                    + " first stage at once");
        }
        return new Escalation(e.path("id").asText(), name, name, stages, repeats);
    }

    private static int minutes(JsonNode delay) {
        int amount = delay.path("timeAmount").asInt(0);
        return switch (delay.path("timeUnit").asText("minutes")) {
            case "hours" -> amount * 60;
            case "days" -> amount * 1_440;
            default -> amount;
        };
    }

    /**
     * A team's alerts go to the escalations it owns: a plan per priority P1 to P4 (impact 1 to 4) engaging them.
     * Its routing rules are not read, so the report says which escalations were assumed.
     */
    private static List<ResponsePlan> teamPlans(JsonNode t, List<JsonNode> escalations, List<String> notes) {
        String id = t.path("id").asText();
        String name = t.path("name").asText(id);
        List<Target> engaged = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode e : escalations) {
            if (e.path("ownerTeam").path("id").asText("").equals(id)) {
                engaged.add(new Target(TargetKind.ESCALATION, e.path("id").asText()));
                names.add(e.path("name").asText());
            }
        }
        if (engaged.isEmpty()) {
            notes.add("team " + name + " owns no escalation, so it became no response plan");
            return List.of();
        }
        List<String> notCarried = List.of("team " + name + ": its routing rules are not read; the plans engage the"
                + " escalations it owns (" + String.join(", ", names) + "). Point its alert sources at Muster's"
                + " /v2/enqueue with a Muster integration key");
        List<ResponsePlan> plans = new ArrayList<>();
        for (int impact = 1; impact <= 4; impact++) {
            plans.add(new ResponsePlan(id, name, name, name, impact, engaged, List.of(),
                    impact == 1 ? notCarried : List.of()));
        }
        return plans;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
