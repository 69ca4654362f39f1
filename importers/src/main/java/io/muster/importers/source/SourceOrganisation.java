package io.muster.importers.source;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * An on-call organisation as the system being left holds it, in that system's own terms but without its wire
 * shapes: who the people are and how they are reached, who is on call when, who is engaged after whom, and which
 * plans engage whom. Every reader (one per provider) produces this; one mapping turns it into Muster's model, so a
 * rule such as "a rotation becomes a role" is written once.
 *
 * <p>Ids are the provider's own (an ARN, a PagerDuty id) and only tie the parts of this value together.
 */
public record SourceOrganisation(String provider, List<Person> people, List<Schedule> schedules,
        List<Escalation> escalations, List<ResponsePlan> responsePlans, List<String> readNotes) {

    public SourceOrganisation {
        people = List.copyOf(people);
        schedules = List.copyOf(schedules);
        escalations = List.copyOf(escalations);
        responsePlans = List.copyOf(responsePlans);
        readNotes = List.copyOf(readNotes);
    }

    public Optional<Person> person(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Schedule> schedule(String id) {
        return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Escalation> escalation(String id) {
        return escalations.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** {@code timeZone} is empty where the source keeps none for the person. */
    public record Person(String id, String handle, String displayName, Optional<String> timeZone,
            List<Channel> channels) {

        public Person {
            channels = List.copyOf(channels);
        }
    }

    /**
     * {@code activated}: the source has proof that the address reaches the person (Incident Manager's activation
     * code was entered). {@code order} is the person's own engagement order, lowest first, where the source has one.
     */
    public record Channel(String id, String name, ChannelType kind, String address, boolean activated, int order) {
    }

    /**
     * Who is on call: a named group of rotations (Incident Manager's on-call schedule contact, a PagerDuty schedule
     * and its layers). Muster makes each schedule a role, answered by its rotations.
     */
    public record Schedule(String id, String handle, String displayName, List<Rotation> rotations) {

        public Schedule {
            rotations = List.copyOf(rotations);
        }
    }

    /**
     * One rotation: members in order, each on call for {@code shiftLength} units of {@code unit}, handing off at
     * {@code handOff} wall-clock time in {@code timeZone}, counted from {@code start}. {@code limits} lists what the
     * source constrains that Muster's rotations do not (coverage windows, several on call at once); the mapping
     * reports each. {@code cannotMap} says why the rotation has no Muster equivalent at all (a monthly hand-off), in
     * which case unit and hand-off mean nothing.
     */
    public record Rotation(String id, String name, List<String> memberIds, Instant start, String timeZone,
            ShiftUnit unit, int shiftLength, LocalTime handOff, Optional<DayOfWeek> handOffDay,
            List<Override> overrides, List<String> limits, Optional<String> cannotMap) {

        public Rotation {
            memberIds = List.copyOf(memberIds);
            overrides = List.copyOf(overrides);
            limits = List.copyOf(limits);
        }
    }

    /** A stand-in on call instead of the rotation between two instants. */
    public record Override(String rotationId, List<String> memberIds, Instant start, Instant end) {

        public Override {
            memberIds = List.copyOf(memberIds);
        }
    }

    /** Who is engaged after whom. {@code repeats}: how many more times the whole path runs after its last stage. */
    public record Escalation(String id, String handle, String displayName, List<Stage> stages, int repeats) {

        public Escalation {
            stages = List.copyOf(stages);
        }
    }

    /** A stage waits {@code minutes} before the next starts (0: the source moves on at once). */
    public record Stage(int minutes, List<Target> targets) {

        public Stage {
            targets = List.copyOf(targets);
        }
    }

    /** A stage's target names a person, a schedule, or another escalation path, by the source's id. */
    public record Target(TargetKind kind, String id) {
    }

    public enum TargetKind {
        PERSON, SCHEDULE, ESCALATION
    }

    /**
     * A response plan as the source has it: an incident template ({@code impact} 1 is the most severe, as in
     * Incident Manager), the contacts or paths it engages (ids of people, schedules or escalations), and what it does
     * besides that Muster does not carry over (chat channels, automation), for the report.
     */
    public record ResponsePlan(String id, String name, String displayName, String title, int impact,
            List<Target> engagements, List<String> chatChannels, List<String> notCarried) {

        public ResponsePlan {
            engagements = List.copyOf(engagements);
            chatChannels = List.copyOf(chatChannels);
            notCarried = List.copyOf(notCarried);
        }
    }
}
