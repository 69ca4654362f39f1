package io.muster.escalation.api;

import io.muster.contracts.Severity;
import io.muster.escalation.domain.DrillFaults;
import io.muster.escalation.service.RaiseIncident;
import jakarta.validation.Valid;
import java.util.List;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Raise an incident. A {@code dedupKey} that matches an open incident adds to that incident instead of opening
 * another; without one, every request opens a new incident. {@code drillFaults} (drills only) makes people,
 * roles or channels fail on purpose, so a game day tests the escalation path and the channel fallback.
 * {@code requiredRoles} are engaged in addition to those the plan requires.
 */
@DrillFaultsOnlyInDrills
public record RaiseIncidentRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String summary,
        @NotNull Severity severity,
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case words joined by dashes")
        String incidentType,
        @Size(max = 120) String source,
        @Size(max = 255) String dedupKey,
        Boolean drill,
        /* A silent drill records who would have been paged without sending anything (tabletop game days). */
        Boolean silent,
        @Valid DrillFaults drillFaults,
        /* Roles to engage on top of the plan's required roles, each on its own path (a game day's roles). */
        @Size(max = 20) List<@NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                message = "must be a role key: lower-case words joined by dashes") String> requiredRoles) {

    /** The trigger as the incident desk takes it (absent flags are false). */
    public RaiseIncident command() {
        return new RaiseIncident(title, summary, severity, incidentType, source, dedupKey, Boolean.TRUE.equals(drill),
                Boolean.TRUE.equals(silent), drillFaults, requiredRoles);
    }
}
