package io.muster.importers.grafana;

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
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Grafana OnCall organisation through its public HTTP API: users, schedules with their rolling-users
 * shifts, escalation chains with their policies, and integrations (each becomes a response plan for its own incident
 * type at every severity, engaging its default route's chain, since an integration has no severity of its own).
 *
 * <p>OnCall's API gives a user's email but not their phone numbers or personal notification rules, so each person
 * arrives with one email channel, and the report says so.
 */
public final class GrafanaOnCallReader {

    public static final String PROVIDER = "Grafana OnCall";
    /** OnCall's "repeat escalation from the beginning" runs the chain again at most this many times. */
    static final int REPEATS = 5;

    private final GrafanaOnCallApi api;
    private final Clock clock;

    public GrafanaOnCallReader(GrafanaOnCallApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public SourceOrganisation read() {
        List<String> notes = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        for (JsonNode u : api.list("users/")) {
            people.add(person(u));
        }
        if (!people.isEmpty()) {
            notes.add("its API gives each user's email but not their phone numbers or notification rules: each"
                    + " person arrives with an email channel only; add their SMS numbers in Muster");
        }
        Map<String, JsonNode> shifts = new LinkedHashMap<>();
        for (JsonNode s : api.list("on_call_shifts/")) {
            shifts.put(s.path("id").asText(), s);
        }
        List<Schedule> schedules = new ArrayList<>();
        for (JsonNode s : api.list("schedules/")) {
            schedules.add(schedule(s, shifts, notes));
        }
        Map<String, List<JsonNode>> policiesOfChain = new HashMap<>();
        for (JsonNode p : api.list("escalation_policies/")) {
            policiesOfChain.computeIfAbsent(p.path("escalation_chain_id").asText(), c -> new ArrayList<>()).add(p);
        }
        List<Escalation> escalations = new ArrayList<>();
        for (JsonNode c : api.list("escalation_chains/")) {
            escalations.add(escalation(c, policiesOfChain.getOrDefault(c.path("id").asText(), List.of()), notes));
        }
        List<ResponsePlan> plans = new ArrayList<>();
        for (JsonNode i : api.list("integrations/")) {
            plans.addAll(integrationPlans(i, notes));
        }
        return new SourceOrganisation(PROVIDER, people, schedules, escalations, plans, notes);
    }

    private static Person person(JsonNode u) {
        String id = u.path("id").asText();
        String email = u.path("email").asText("");
        String handle = u.path("username").asText("");
        if (handle.isBlank()) {
            handle = email.contains("@") ? email.substring(0, email.indexOf('@')) : id;
        }
        List<Channel> channels = new ArrayList<>();
        if (!email.isBlank()) {
            // OnCall keeps no proof that the address reached its owner: Muster sends it a code.
            channels.add(new Channel(id + "/email", "email", ChannelType.EMAIL, email, false, 1));
        }
        Optional<String> zone = Optional.ofNullable(u.path("timezone").textValue()).filter(z -> !z.isBlank());
        return new Person(id, handle, handle, zone, channels);
    }

    private Schedule schedule(JsonNode s, Map<String, JsonNode> shifts, List<String> notes) {
        String id = s.path("id").asText();
        String name = s.path("name").asText(id);
        String scheduleZone = s.path("time_zone").asText("UTC");
        if (s.path("type").asText().equals("ical")) {
            notes.add("schedule " + name + " is read from an iCal feed, whose events are not read: its role is"
                    + " made, but give it Muster rotations by hand");
        }
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode shiftId : s.path("shifts")) {
            JsonNode shift = shifts.get(shiftId.asText());
            if (shift == null) {
                notes.add("schedule " + name + " names shift " + shiftId.asText() + ", which the API did not list");
            } else if (shift.hasNonNull("until") && local(shift.path("until").asText(), zoneOf(shift, scheduleZone))
                    .map(u -> u.isBefore(clock.instant())).orElse(false)) {
                continue; // ended: history, not a rotation
            } else {
                mine.add(shift);
            }
        }
        List<Rotation> rotations = new ArrayList<>();
        long levels = mine.stream().map(x -> x.path("level").asInt(0)).distinct().count();
        for (JsonNode shift : mine) {
            rotations.add(rotation(name, shift, scheduleZone, mine.size(), levels));
        }
        if (rotations.isEmpty() && !s.path("type").asText().equals("ical")) {
            notes.add("schedule " + name + " has no current shift");
        }
        return new Schedule(id, name, name, rotations);
    }

    private Rotation rotation(String scheduleName, JsonNode shift, String scheduleZone, int shifts, long levels) {
        String zone = zoneOf(shift, scheduleZone);
        String name = scheduleName + " / " + shift.path("name").asText(shift.path("id").asText());
        List<String> limits = new ArrayList<>();
        Optional<String> cannotMap = Optional.empty();
        String type = shift.path("type").asText();

        List<List<String>> turns = new ArrayList<>();
        if (type.equals("rolling_users")) {
            shift.path("rolling_users").forEach(g -> {
                List<String> group = new ArrayList<>();
                g.forEach(u -> group.add(u.asText()));
                if (!group.isEmpty()) {
                    turns.add(group);
                }
            });
            int from = shift.path("start_rotation_from_user_index").asInt(0);
            if (from > 0 && from < turns.size()) {
                List<List<String>> reordered = new ArrayList<>(turns.subList(from, turns.size()));
                reordered.addAll(turns.subList(0, from));
                turns.clear();
                turns.addAll(reordered);
            }
        } else {
            List<String> users = new ArrayList<>();
            shift.path("users").forEach(u -> users.add(u.asText()));
            turns.add(users);
            cannotMap = Optional.of("it is a " + type + " shift, not a rotation of people");
        }
        int together = turns.stream().mapToInt(List::size).max().orElse(0);
        if (together > 1) {
            limits.add("some turns put " + together + " people on call at once; Muster's puts the first of each");
        }
        List<String> members = turns.stream().map(t -> t.get(0)).toList();

        if (shifts > 1) {
            limits.add("the schedule has " + shifts + " shifts" + (levels > 1 ? " at " + levels
                    + " priority levels, where OnCall pages only the highest on call;" : ";")
                    + " Muster pages who is on call in each");
        }

        String frequency = shift.path("frequency").asText("");
        int interval = Math.max(1, shift.path("interval").asInt(1));
        ShiftUnit unit = ShiftUnit.DAYS;
        long period;
        switch (frequency) {
            case "hourly" -> {
                unit = ShiftUnit.HOURS;
                period = 3_600L * interval;
            }
            case "daily" -> period = 86_400L * interval;
            case "weekly" -> {
                unit = ShiftUnit.WEEKS;
                period = 604_800L * interval;
            }
            default -> {
                period = 0;
                if (cannotMap.isEmpty()) {
                    cannotMap = Optional.of(frequency.isEmpty() ? "it does not recur"
                            : "it recurs " + frequency + ", which Muster's hours, days and weeks cannot follow");
                }
            }
        }
        boolean byDay = shift.path("by_day").isArray() && !shift.path("by_day").isEmpty();
        if (byDay && cannotMap.isEmpty()) {
            if (unit == ShiftUnit.WEEKS) {
                limits.add("it covers only some days of the week (" + days(shift) + "); the Muster rotation covers"
                        + " every day");
            } else {
                // The turn passes on only on the chosen days, so every day's rotation would drift off OnCall's order.
                cannotMap = Optional.of("its turns pass on only on " + days(shift)
                        + ", which a Muster rotation cannot skip");
            }
        }
        long duration = shift.path("duration").asLong(period);
        if (cannotMap.isEmpty() && duration < period && !byDay) {
            limits.add("each turn is on call for " + duration / 3_600 + " h of every " + period / 3_600
                    + " h; the Muster rotation covers every hour");
        }
        if (members.isEmpty() && cannotMap.isEmpty()) {
            cannotMap = Optional.of("it has nobody in it");
        }

        Instant start;
        ZonedDateTime local;
        try {
            start = local(shift.path("start").asText(), zone).orElseThrow();
            local = start.atZone(ZoneId.of(zone));
        } catch (RuntimeException e) {
            start = clock.instant();
            local = start.atZone(java.time.ZoneOffset.UTC);
            if (cannotMap.isEmpty()) {
                cannotMap = Optional.of("its start " + shift.path("start").asText() + " in " + zone
                        + " could not be read");
            }
        }
        return new Rotation(shift.path("id").asText(), name, members, start, zone, unit,
                period == 0 ? 1 : interval, local.toLocalTime(),
                unit == ShiftUnit.WEEKS ? Optional.of(local.getDayOfWeek()) : Optional.empty(), List.of(), limits,
                cannotMap);
    }

    private static String days(JsonNode shift) {
        List<String> d = new ArrayList<>();
        shift.path("by_day").forEach(x -> d.add(x.asText()));
        return String.join(", ", d);
    }

    /** A shift's own zone, else its schedule's, as OnCall's documentation says. */
    private static String zoneOf(JsonNode shift, String scheduleZone) {
        String z = shift.path("time_zone").textValue();
        return z == null || z.isBlank() ? scheduleZone : z;
    }

    /** OnCall writes shift times as local date-times ({@code 2025-10-20T09:00:00}), some with an offset. */
    private static Optional<Instant> local(String text, String zone) {
        try {
            return Optional.of(LocalDateTime.parse(text).atZone(ZoneId.of(zone)).toInstant());
        } catch (DateTimeException e) {
            try {
                return Optional.of(ZonedDateTime.parse(text).toInstant());
            } catch (DateTimeException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * A chain's policies run by position. Notify steps that follow one another run at the same moment, so each is a
     * stage of no wait (the mapping pages them together); a wait step is the wait of the stage before it.
     */
    private static Escalation escalation(JsonNode chain, List<JsonNode> policies, List<String> notes) {
        String name = chain.path("name").asText(chain.path("id").asText());
        List<JsonNode> ordered = new ArrayList<>(policies);
        ordered.sort(Comparator.comparingInt(p -> p.path("position").asInt(0)));
        List<List<Target>> targets = new ArrayList<>();
        List<Integer> seconds = new ArrayList<>();
        int repeats = 0;
        for (JsonNode p : ordered) {
            String type = p.path("type").asText();
            String step = "escalation chain " + name + " step " + (p.path("position").asInt(0) + 1);
            switch (type) {
                case "wait" -> {
                    int wait = p.path("duration").asInt(0);
                    if (targets.isEmpty()) {
                        notes.add(step + " waits " + wait / 60 + " min before anyone is notified; Muster pages"
                                + " the first stage at once");
                    } else {
                        seconds.set(seconds.size() - 1, seconds.get(seconds.size() - 1) + wait);
                    }
                }
                case "notify_persons" -> {
                    List<Target> t = new ArrayList<>();
                    p.path("persons_to_notify").forEach(u -> t.add(new Target(TargetKind.PERSON, u.asText())));
                    targets.add(t);
                    seconds.add(0);
                }
                case "notify_on_call_from_schedule" -> {
                    targets.add(List.of(new Target(TargetKind.SCHEDULE,
                            p.path("notify_on_call_from_schedule").asText())));
                    seconds.add(0);
                }
                case "repeat_escalation" -> repeats = REPEATS;
                case "notify_person_next_each_time" -> notes.add(step + " notifies the next of several people each"
                        + " time (round robin), which Muster has no stage for: give them a rotation and page its role");
                default -> notes.add(step + " is a " + type + " step, which Muster does not carry over");
            }
            if (p.path("important").asBoolean(false) && !type.equals("wait")) {
                notes.add(step + " notifies by people's \"important\" rules; Muster pages everyone the same way");
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            // A stage's wait is in whole minutes; a part minute is rounded up, never shortened.
            stages.add(new Stage((seconds.get(i) + 59) / 60, targets.get(i)));
        }
        return new Escalation(chain.path("id").asText(), name, name, stages, repeats);
    }

    /** An integration alerts its default route's chain whatever the severity: a plan per severity, impact 1 to 4. */
    private static List<ResponsePlan> integrationPlans(JsonNode i, List<String> notes) {
        String name = i.path("name").asText(i.path("id").asText());
        String chain = i.path("default_route").path("escalation_chain_id").textValue();
        if (chain == null || chain.isBlank()) {
            notes.add("integration " + name + " routes by default to no escalation chain, so it became no response"
                    + " plan");
            return List.of();
        }
        List<String> notCarried = new ArrayList<>();
        notCarried.add("integration " + name + " (" + i.path("type").asText("unknown type") + ", alert URL "
                + mask(i.path("link").asText("")) + "): create a Muster integration key and point its senders at"
                + " Muster's /v2/enqueue");
        List<Target> engaged = List.of(new Target(TargetKind.ESCALATION, chain));
        List<ResponsePlan> plans = new ArrayList<>();
        for (int impact = 1; impact <= 4; impact++) {
            plans.add(new ResponsePlan(i.path("id").asText(), name, name, name, impact, engaged, List.of(),
                    impact == 1 ? notCarried : List.of()));
        }
        return plans;
    }

    /** An alert URL carries the integration's secret as its last path segment: only its last four characters. */
    private static String mask(String link) {
        String trimmed = link.endsWith("/") ? link.substring(0, link.length() - 1) : link;
        int cut = trimmed.lastIndexOf('/');
        String secret = cut < 0 ? trimmed : trimmed.substring(cut + 1);
        String shown = secret.length() <= 4 ? "****" : "…" + secret.substring(secret.length() - 4);
        return (cut < 0 ? "" : trimmed.substring(0, cut + 1)) + shown;
    }
}
