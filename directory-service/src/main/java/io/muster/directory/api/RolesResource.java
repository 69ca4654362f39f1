package io.muster.directory.api;

import io.muster.directory.service.RoleCatalog;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RolesResource {

    @Inject
    RoleCatalog catalog;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<RoleResponse> list() {
        return catalog.list().stream().map(RoleResponse::of).toList();
    }

    @GET
    @Path("{key}")
    @RolesAllowed(Roles.VIEWER)
    public RoleResponse get(@PathParam("key") String key) {
        return RoleResponse.of(catalog.get(key));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid RoleRequest request) {
        RoleResponse created = RoleResponse.of(catalog.create(request.toFields(), CallerAccess.actor(identity)));
        return Response.created(URI.create("/api/v1/roles/" + created.key())).entity(created).build();
    }

    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.ADMIN)
    public RoleResponse replace(@PathParam("key") String key, @NotNull @Valid RoleRequest request) {
        return RoleResponse.of(catalog.replace(key, request.toFields(), CallerAccess.actor(identity)));
    }
}
