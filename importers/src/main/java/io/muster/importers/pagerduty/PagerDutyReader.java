package io.muster.importers.pagerduty;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a PagerDuty account through its REST API v2: users with their contact methods, schedules with their layers
 * and the overrides of the next 90 days, escalation policies, and services (each becomes a response plan for its
 * own incident type, at every severity, since a PagerDuty service has no severity of its own).
 */
public final class PagerDutyReader {

    public static final String PROVIDER = "PagerDuty";
    static final Duration OVERRIDES_AHEAD = Duration.ofDays(90);

    private final PagerDutyApi api;
    private final Clock clock;

    public PagerDutyReader(PagerDutyApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public SourceOrganisation read() {
        List<String> notes = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        for (JsonNode u : api.list("/users", "users", Map.of("include[]", "contact_methods"))) {
            people.add(person(u, notes));
        }
        List<Schedule> schedules = new ArrayList<>();
        for (JsonNode listed : api.list("/schedules", "schedules", Map.of())) {
            String id = listed.path("id").asText();
            schedules.add(schedule(api.get("/schedules/" + id, Map.of()).path("schedule"), notes));
        }
        List<Escalation> escalations = new ArrayList<>();
        for (JsonNode p : api.list("/escalation_policies", "escalation_policies", Map.of())) {
            escalations.add(escalation(p, notes));
        }
        List<ResponsePlan> plans = new ArrayList<>();
        for (JsonNode s : api.list("/services", "services", Map.of("include[]", "integrations"))) {
            plans.addAll(servicePlans(s));
        }
        return new SourceOrganisation(PROVIDER, people, schedules, escalations, plans, notes);
    }

    private static Person person(JsonNode u, List<String> notes) {
        List<Channel> channels = new ArrayList<>();
        int order = 1;
        for (JsonNode m : u.path("contact_methods")) {
            String type = m.path("type").asText();
            ChannelType kind = switch (type) {
                case "email_contact_method" -> ChannelType.EMAIL;
                case "sms_contact_method" -> ChannelType.SMS;
                case "phone_contact_method" -> ChannelType.VOICE;
                default -> null;
            };
            if (kind == null) {
                notes.add("user " + u.path("email").asText() + ": contact method " + m.path("label").asText(type)
                        + " (" + type + ") has no Muster channel");
                continue;
            }
            String address = m.path("address").asText();
            if (kind != ChannelType.EMAIL && m.has("country_code")) {
                address = "+" + m.path("country_code").asText() + address;
            }
            // PagerDuty keeps no proof that a number or address reached its owner: Muster verifies each.
            channels.add(new Channel(m.path("id").asText(), m.path("label").asText(type), kind, address, false,
                    order++));
        }
        String handle = u.path("email").asText(u.path("id").asText());
        handle = handle.contains("@") ? handle.substring(0, handle.indexOf('@')) : handle;
        Optional<String> zone = Optional.ofNullable(u.path("time_zone").textValue());
        return new Person(u.path("id").asText(), handle, u.path("name").asText(handle), zone, channels);
    }

    private Schedule schedule(JsonNode s, List<String> notes) {
        String id = s.path("id").asText();
        String zone = s.path("time_zone").asText("UTC");
        List<Rotation> rotations = new ArrayList<>();
        JsonNode layers = s.path("schedule_layers");
        Instant now = clock.instant();
        List<SourceOrganisation.Override> overrides = new ArrayList<>();
        for (JsonNode o : api.list("/schedules/" + id + "/overrides", "overrides",
                Map.of("since", now.toString(), "until", now.plus(OVERRIDES_AHEAD).toString()))) {
            overrides.add(new SourceOrganisation.Override(id, List.of(o.path("user").path("id").asText()),
                    Instant.parse(o.path("start").asText()), Instant.parse(o.path("end").asText())));
        }
        for (JsonNode layer : layers) {
            if (layer.hasNonNull("end") && Instant.parse(layer.path("end").asText()).isBefore(now)) {
                continue;
            }
            List<String> limits = new ArrayList<>();
            if (layers.size() > 1) {
                limits.add("the schedule has " + layers.size() + " layers, of which PagerDuty pages only the highest"
                        + " on call; Muster pages who is on call in each");
            }
            if (layer.path("restrictions").size() > 0) {
                limits.add("it is restricted to some hours or days; the Muster rotation covers every hour");
            }
            long turn = layer.path("rotation_turn_length_seconds").asLong();
            ShiftUnit unit;
            int length;
            Optional<String> cannotMap = Optional.empty();
            if (turn > 0 && turn % 604_800 == 0) {
                unit = ShiftUnit.WEEKS;
                length = (int) (turn / 604_800);
            } else if (turn > 0 && turn % 86_400 == 0) {
                unit = ShiftUnit.DAYS;
                length = (int) (turn / 86_400);
            } else if (turn > 0 && turn % 3_600 == 0) {
                unit = ShiftUnit.HOURS;
                length = (int) (turn / 3_600);
            } else {
                unit = ShiftUnit.DAYS;
                length = 1;
                cannotMap = Optional.of("its turns last " + turn + " seconds, not whole hours, days or weeks");
            }
            ZonedDateTime virtualStart = ZonedDateTime.parse(layer.path("rotation_virtual_start").asText())
                    .withZoneSameInstant(ZoneId.of(zone));
            List<String> members = new ArrayList<>();
            layer.path("users").forEach(u -> members.add(u.path("user").path("id").asText()));
            // Overrides belong to the schedule: the mapping gives each to the schedule's first layer only.
            List<SourceOrganisation.Override> mine = rotations.isEmpty() ? overrides : List.of();
            rotations.add(new Rotation(layer.path("id").asText(), s.path("name").asText() + " / "
                    + layer.path("name").asText("layer"), members, virtualStart.toInstant(), zone, unit, length,
                    virtualStart.toLocalTime(), unit == ShiftUnit.WEEKS ? Optional.of(virtualStart.getDayOfWeek())
                            : Optional.empty(), mine, limits, cannotMap));
        }
        if (rotations.isEmpty()) {
            notes.add("schedule " + s.path("name").asText() + " has no current layer");
        }
        String handle = s.path("name").asText(id);
        return new Schedule(id, handle, s.path("name").asText(id), rotations);
    }

    private static Escalation escalation(JsonNode p, List<String> notes) {
        List<Stage> stages = new ArrayList<>();
        for (JsonNode rule : p.path("escalation_rules")) {
            List<Target> targets = new ArrayList<>();
            for (JsonNode t : rule.path("targets")) {
                String type = t.path("type").asText();
                if (type.startsWith("schedule")) {
                    targets.add(new Target(TargetKind.SCHEDULE, t.path("id").asText()));
                } else if (type.startsWith("user")) {
                    targets.add(new Target(TargetKind.PERSON, t.path("id").asText()));
                } else {
                    notes.add("escalation policy " + p.path("name").asText() + " targets a " + type
                            + ", which Muster cannot page");
                }
            }
            stages.add(new Stage(rule.path("escalation_delay_in_minutes").asInt(0), targets));
        }
        return new Escalation(p.path("id").asText(), p.path("name").asText(), p.path("name").asText(), stages,
                p.path("num_loops").asInt(0));
    }

    /** A service pages its escalation policy whatever the severity: a plan per severity, impact 1 to 4. */
    private static List<ResponsePlan> servicePlans(JsonNode s) {
        List<String> notCarried = new ArrayList<>();
        for (JsonNode i : s.path("integrations")) {
            if (i.path("type").asText().startsWith("events_api")) {
                notCarried.add("integration " + i.path("name").asText(i.path("id").asText()) + " (routing key "
                        + mask(i.path("integration_key").asText()) + "): create a Muster integration key and point"
                        + " its senders at Muster's /v2/enqueue");
            }
        }
        Target policy = new Target(TargetKind.ESCALATION, s.path("escalation_policy").path("id").asText());
        List<ResponsePlan> plans = new ArrayList<>();
        for (int impact = 1; impact <= 4; impact++) {
            plans.add(new ResponsePlan(s.path("id").asText(), s.path("name").asText(), s.path("name").asText(),
                    s.path("name").asText(), impact, List.of(policy), List.of(),
                    impact == 1 ? notCarried : List.of()));
        }
        return plans;
    }

    private static String mask(String key) {
        return key.length() <= 4 ? "****" : "…" + key.substring(key.length() - 4);
    }
}
