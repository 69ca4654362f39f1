package io.muster.escalation.api;

import io.muster.escalation.domain.IntegrationKey;
import io.muster.escalation.service.IntegrationKeys;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Admins issue and revoke the keys calling systems authenticate with on the compatible endpoints. */
@Path("/api/v1/integration-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class IntegrationKeysResource {

    public record CreateKeyRequest(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
                    message = "must be lower-case words joined by dashes") String incidentType) {
    }

    public record KeyResponse(String integrationKey, String name, String incidentType, String createdBy,
            Instant createdAt) {

        static KeyResponse of(IntegrationKey k) {
            return new KeyResponse(k.key, k.name, k.incidentType, k.createdBy, k.createdAt);
        }
    }

    @Inject
    IntegrationKeys keys;

    @Inject
    SecurityIdentity identity;

    @POST
    public Response create(@NotNull @Valid CreateKeyRequest request) {
        IntegrationKey key = keys.create(request.name(), request.incidentType(), actor());
        return Response.status(201).entity(KeyResponse.of(key)).build();
    }

    @GET
    public List<KeyResponse> list() {
        return keys.list().stream().map(KeyResponse::of).toList();
    }

    @DELETE
    @Path("{key}")
    public Response revoke(@PathParam("key") @Size(min = 32, max = 32) String key) {
        keys.revoke(key, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
