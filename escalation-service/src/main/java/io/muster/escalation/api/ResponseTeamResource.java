package io.muster.escalation.api;

import io.muster.contracts.Severity;
import io.muster.escalation.service.ResponseTeamPreview;
import io.muster.platform.problem.ProblemException;
import io.muster.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Who would be paged for an incident type and severity: the preview beside the plan editor. */
@Path("/api/v1/response-team")
@Produces(MediaType.APPLICATION_JSON)
public class ResponseTeamResource {

    @Inject
    ResponseTeamPreview preview;

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.GAMEDAY })
    public ResponseTeamPreview.Team team(
            @QueryParam("incidentType") @NotBlank @Size(max = 80)
            @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case words joined by dashes")
            String incidentType,
            @QueryParam("severity") @NotNull @Pattern(regexp = "CRITICAL|HIGH|MEDIUM|LOW",
                    message = "must be CRITICAL, HIGH, MEDIUM or LOW") String severity,
            @QueryParam("at") @Size(max = 40) String at) {
        return preview.preview(incidentType, Severity.valueOf(severity), instant(at));
    }

    // Parsed here rather than by JAX-RS, which answers an unconvertible query parameter with 404.
    private static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("at", "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
        }
    }
}
