package io.muster.directory.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.directory.domain.AuditEntry;
import io.muster.directory.service.AuditLog;
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
import java.util.List;

/** The audit log holds contact details before and after each change, so only admins read it. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<AuditEntryResponse> list(@QueryParam("entityType") @Size(max = 40) String entityType,
            @QueryParam("entityId") @Size(max = 80) String entityId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return log.list(entityType, entityId, page, size).stream().map(this::toResponse).toList();
    }

    private AuditEntryResponse toResponse(AuditEntry entry) {
        return new AuditEntryResponse(entry.id, entry.entityType, entry.entityId, entry.action, entry.actor,
                entry.at, read(entry.beforeJson), read(entry.afterJson));
    }

    private JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry is not JSON", e);
        }
    }
}
