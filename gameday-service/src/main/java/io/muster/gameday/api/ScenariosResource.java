package io.muster.gameday.api;

import io.muster.gameday.service.RunReports;
import io.muster.gameday.service.ScenarioLibrary;
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
import java.util.UUID;

@Path("/api/v1/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScenariosResource {

    @Inject
    ScenarioLibrary library;

    @Inject
    RunReports reports;

    @Inject
    SecurityIdentity identity;

    /** Every run of the scenario that started, oldest first, with its score and key times. */
    @GET
    @Path("{id}/trend")
    @RolesAllowed(Roles.VIEWER)
    public List<RunReports.TrendPoint> trend(@PathParam("id") UUID id) {
        return reports.trend(id);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ScenarioResponse> list() {
        return library.list().stream().map(ScenarioResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public ScenarioResponse get(@PathParam("id") UUID id) {
        return ScenarioResponse.of(library.get(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid ScenarioRequest request) {
        ScenarioResponse created = ScenarioResponse.of(library.create(request.toFields(), actor()));
        return Response.created(URI.create("/api/v1/scenarios/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public ScenarioResponse update(@PathParam("id") UUID id, @NotNull @Valid ScenarioRequest request) {
        return ScenarioResponse.of(library.update(id, request.toFields(), actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
