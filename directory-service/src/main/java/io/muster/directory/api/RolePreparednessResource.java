package io.muster.directory.api;

import io.muster.directory.service.PreparednessRegister;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The access and tools a role's holders must have in place before an incident. */
@Path("/api/v1/roles/{roleKey}/preparedness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RolePreparednessResource {

    @Inject
    PreparednessRegister register;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<PreparednessItemResponse> list(@PathParam("roleKey") @Size(max = 63) String roleKey) {
        return register.items(roleKey).stream().map(PreparednessItemResponse::of).toList();
    }

    @GET
    @Path("{itemKey}")
    @RolesAllowed(Roles.VIEWER)
    public PreparednessItemResponse get(@PathParam("roleKey") @Size(max = 63) String roleKey,
            @PathParam("itemKey") @Size(max = 63) String itemKey) {
        return PreparednessItemResponse.of(register.item(roleKey, itemKey));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@PathParam("roleKey") @Size(max = 63) String roleKey,
            @NotNull @Valid PreparednessItemRequest request) {
        PreparednessItemResponse created = PreparednessItemResponse.of(
                register.create(roleKey, request.toFields(), CallerAccess.actor(identity)));
        return Response.created(URI.create("/api/v1/roles/" + roleKey + "/preparedness/" + created.key()))
                .entity(created).build();
    }

    @PUT
    @Path("{itemKey}")
    @RolesAllowed(Roles.ADMIN)
    public PreparednessItemResponse replace(@PathParam("roleKey") @Size(max = 63) String roleKey,
            @PathParam("itemKey") @Size(max = 63) String itemKey, @NotNull @Valid PreparednessItemRequest request) {
        return PreparednessItemResponse.of(register.replace(roleKey, itemKey, request.toFields(),
                CallerAccess.actor(identity)));
    }

    @DELETE
    @Path("{itemKey}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("roleKey") @Size(max = 63) String roleKey,
            @PathParam("itemKey") @Size(max = 63) String itemKey) {
        register.delete(roleKey, itemKey, CallerAccess.actor(identity));
        return Response.noContent().build();
    }
}
