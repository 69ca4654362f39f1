package io.muster.escalation.api;

import io.muster.contracts.Severity;
import io.muster.escalation.service.ResponseTeamPreview;
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
            @QueryParam("severity") @NotNull Severity severity,
            @QueryParam("at") Instant at) {
        return preview.preview(incidentType, severity, at);
    }
}
