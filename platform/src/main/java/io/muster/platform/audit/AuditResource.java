package io.muster.platform.audit;

import io.muster.platform.problem.ProblemException;
import io.muster.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The same audit endpoint on every service. The entries hold entities before and after each change (contact details
 * included), so only admins read them.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<AuditEntry> list(@QueryParam("entityType") @Size(max = 40) String entityType,
            @QueryParam("entityId") @Size(max = 80) String entityId,
            @QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("since") @Size(max = 40) String since,
            @QueryParam("beforeId") @Min(1) Long beforeId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return log.list(new AuditQuery(entityType, entityId, actor, instant(since), beforeId, page, size));
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("since", "must be an ISO-8601 instant such as 2026-03-29T00:30:00Z");
        }
    }
}
