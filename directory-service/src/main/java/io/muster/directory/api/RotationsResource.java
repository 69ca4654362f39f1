package io.muster.directory.api;

import io.muster.directory.service.OnCallResolver;
import io.muster.directory.service.RotationSchedule;
import io.muster.platform.problem.ProblemException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RotationsResource {

    @Inject
    RotationSchedule rotations;

    @Inject
    OnCallResolver onCall;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("rotations")
    @RolesAllowed(Roles.VIEWER)
    public List<RotationResponse> list(@QueryParam("teamId") UUID teamId,
            @QueryParam("role") @Size(max = 63) String role) {
        return rotations.list(teamId, role).stream().map(RotationResponse::of).toList();
    }

    @GET
    @Path("rotations/{id}")
    @RolesAllowed(Roles.VIEWER)
    public RotationResponse get(@PathParam("id") UUID id) {
        return RotationResponse.of(rotations.get(id));
    }

    @POST
    @Path("rotations")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid RotationRequest request) {
        RotationResponse created = RotationResponse.of(rotations.create(request.toFields(),
                CallerAccess.actor(identity)));
        return Response.created(URI.create("/api/v1/rotations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("rotations/{id}")
    @RolesAllowed(Roles.ADMIN)
    public RotationResponse replace(@PathParam("id") UUID id, @NotNull @Valid RotationRequest request) {
        return RotationResponse.of(rotations.replace(id, request.toFields(), CallerAccess.actor(identity)));
    }

    @DELETE
    @Path("rotations/{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        rotations.delete(id, CallerAccess.actor(identity));
        return Response.noContent().build();
    }

    @POST
    @Path("rotations/{id}/overrides")
    @RolesAllowed(Roles.ADMIN)
    public Response addOverride(@PathParam("id") UUID id, @NotNull @Valid OverrideRequest request) {
        RotationResponse rotation = RotationResponse.of(rotations.addOverride(id, request.toOverride(),
                CallerAccess.actor(identity)));
        return Response.status(Response.Status.CREATED).entity(rotation).build();
    }

    @DELETE
    @Path("rotations/{id}/overrides/{overrideId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public RotationResponse removeOverride(@PathParam("id") UUID id, @PathParam("overrideId") UUID overrideId) {
        return RotationResponse.of(rotations.removeOverride(id, overrideId, CallerAccess.actor(identity)));
    }

    /** Who answers for a role and/or team at an instant (ISO-8601, e.g. 2026-03-29T00:30:00Z; default now). */
    @GET
    @Path("who-is-on-call")
    @RolesAllowed(Roles.VIEWER)
    public OnCallResponse whoIsOnCall(@QueryParam("role") @Size(max = 63) String role,
            @QueryParam("team") @Size(max = 120) String team,
            @QueryParam("at") @Size(max = 40) String at) {
        return OnCallResponse.of(onCall.onCall(team, role, parseInstant(at)));
    }

    private static Instant parseInstant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("at", "must be an ISO-8601 instant such as 2026-03-29T00:30:00Z");
        }
    }
}
