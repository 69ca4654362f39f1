package io.muster.gameday.api;

import io.muster.contracts.Severity;
import io.muster.gameday.domain.ScenarioInject;
import io.muster.gameday.service.ScenarioFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A scenario as an admin adds or replaces it; {@code injects} may be left out (no timed messages). */
public record ScenarioRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}", message = "must be lower-case words joined by dashes")
        String slug,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 10_000) String description,
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be lower-case words joined by dashes")
        String incidentType,
        @NotNull Severity severity,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be a role key") String> expectedRoles,
        @NotNull @Min(1) @Max(86_400) Integer targetFirstAckSeconds,
        @NotNull @Min(1) @Max(86_400) Integer targetAllRolesSeconds,
        @Size(max = 50) List<@NotNull @Valid InjectRequest> injects) {

    public List<InjectRequest> injectsOrEmpty() {
        return injects == null ? List.of() : injects;
    }

    /** The scenario as the use case takes it; bean validation has already run on this request. */
    public ScenarioFields toFields() {
        return new ScenarioFields(slug, name, description, incidentType, severity, expectedRoles,
                targetFirstAckSeconds, targetAllRolesSeconds, injectsOrEmpty().stream()
                        .map(i -> new ScenarioInject(i.atSeconds(), i.audience(), i.message())).toList());
    }
}
