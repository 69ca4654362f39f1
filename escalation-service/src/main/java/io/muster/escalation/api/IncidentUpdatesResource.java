package io.muster.escalation.api;

import io.muster.escalation.service.StakeholderUpdates;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Stakeholder updates on an incident, and when the next one is due. */
@Path("/api/v1/incidents/{id}/updates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentUpdatesResource {

    @Inject
    StakeholderUpdates updates;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public StakeholderUpdates.Updates list(@PathParam("id") UUID id) {
        return updates.of(id);
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    public Response give(@PathParam("id") UUID id, @NotNull @Valid ObligationRecords.UpdateRequest request) {
        var given = updates.give(id, new StakeholderUpdates.Given(request.audience(), request.message(),
                request.approvedBy(), request.approvedByRole()), identity.getPrincipal().getName());
        return Response.status(201).entity(StakeholderUpdates.UpdateView.of(given)).build();
    }
}
