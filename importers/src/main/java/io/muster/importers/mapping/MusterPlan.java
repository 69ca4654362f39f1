package io.muster.importers.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What an import would create in Muster, in Muster's terms, and what it could not carry over and why. People name
 * each other by {@code ref} (the source's handle), as in the directory's import document; {@link #directory()}
 * is exactly that document.
 */
public record MusterPlan(String provider, List<Role> roles, Directory directory, List<Override> overrides,
        List<Policy> policies, List<ResponsePlan> responsePlans, List<Finding> findings) {

    public MusterPlan {
        roles = List.copyOf(roles);
        overrides = List.copyOf(overrides);
        policies = List.copyOf(policies);
        responsePlans = List.copyOf(responsePlans);
        findings = List.copyOf(findings);
    }

    /** A role of the catalog the import needs; created only when the catalog does not already hold its key. */
    public record Role(String key, String name, String responsibilities) {
    }

    /** The directory's JSON import document ({@code POST /api/v1/import}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Directory(List<Person> people, List<Team> teams, List<Rotation> rotations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String ref, String displayName, String timeZone, List<String> roles, int escalationLevel,
            List<Channel> channels) {
    }

    public record Channel(ChannelType type, String address, int preference, boolean verified) {
    }

    public record Team(String name, String description, List<String> memberRefs) {
    }

    public record Rotation(String name, String team, String roleKey, String timeZone, LocalDateTime handoffStart,
            ShiftUnit shiftUnit, int shiftLength, List<String> memberRefs) {
    }

    /** Someone on call instead of a rotation's own member, set after the rotation exists. */
    public record Override(String rotation, String memberRef, Instant from, Instant to) {
    }

    /** An escalation policy; stages page roles first, and people by name only where the source did. */
    public record Policy(String name, int repeats, List<Stage> stages) {
    }

    /** {@code timeoutSeconds} null: the stage waits the severity's ack target. */
    public record Stage(List<String> roles, List<String> contactRefs, Integer timeoutSeconds) {
    }

    public record ResponsePlan(String source, String incidentType, Severity severity, String policy) {
    }

    /** {@code subject} names the source's thing as its users know it (an alias, a plan's name). */
    public record Finding(Kind kind, String subject, String detail) {
    }

    public enum Kind {
        /** Left out: Muster has nothing it could become. */
        NOT_MAPPED,
        /** Carried over, but not exactly as the source has it. */
        CHANGED,
        /** Carried over; worth knowing. */
        NOTE
    }
}
