package io.muster.escalation.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * One stage of an escalation policy: who is paged (roles through their on-call rotations, teams through theirs,
 * named people, or everyone at an escalation level) and how long to wait for an acknowledgement; without a
 * timeout of its own a stage waits the incident severity's ack target, so the plan follows the severity definition.
 */
public record StageDefinition(
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> roles,
        @Size(max = 20) List<@NotNull UUID> teams,
        @Size(max = 50) List<@NotNull UUID> contacts,
        @Size(max = 4) List<@NotNull @Min(1) @Max(9) Integer> levels,
        @Min(1) @Max(86_400) Integer timeoutSeconds) {

    public StageDefinition {
        roles = roles == null ? List.of() : List.copyOf(roles);
        teams = teams == null ? List.of() : List.copyOf(teams);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** How long this stage waits, given the severity's ack target. */
    public int timeoutOr(int ackTargetSeconds) {
        return timeoutSeconds == null ? ackTargetSeconds : timeoutSeconds;
    }

    @JsonIgnore
    @AssertTrue(message = "a stage needs at least one role, team, contact or level")
    public boolean isTargeted() {
        return !(roles.isEmpty() && teams.isEmpty() && contacts.isEmpty() && levels.isEmpty());
    }
}
