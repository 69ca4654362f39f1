package io.muster.directory.api;

import io.muster.directory.service.TeamDirectory;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamsResource {

    @Inject
    TeamDirectory teams;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<TeamResponse> list() {
        return teams.list().stream().map(TeamResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public TeamResponse get(@PathParam("id") UUID id) {
        return TeamResponse.of(teams.get(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid TeamRequest request) {
        TeamResponse created = TeamResponse.of(teams.create(request.toFields(), CallerAccess.actor(identity)));
        return Response.created(URI.create("/api/v1/teams/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public TeamResponse replace(@PathParam("id") UUID id, @NotNull @Valid TeamRequest request) {
        return TeamResponse.of(teams.replace(id, request.toFields(), CallerAccess.actor(identity)));
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        teams.delete(id, CallerAccess.actor(identity));
        return Response.noContent().build();
    }
}
