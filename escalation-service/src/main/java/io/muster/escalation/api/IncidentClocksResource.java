package io.muster.escalation.api;

import io.muster.escalation.service.DeadlineClocks;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** An incident's deadline clocks (outside parties to notify) and the notifications recorded against them. */
@Path("/api/v1/incidents/{id}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentClocksResource {

    @Inject
    DeadlineClocks clocks;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<DeadlineClocks.ClockView> list(@PathParam("id") UUID id) {
        return clocks.of(id);
    }

    /** Records that the party was notified (who: the caller; when; the party's reference); its reminders stop. */
    @POST
    @Path("{clockId}/notification")
    @RolesAllowed({ Roles.RESPONDER, Roles.INTEGRATION })
    public DeadlineClocks.ClockView notified(@PathParam("id") UUID id, @PathParam("clockId") UUID clockId,
            @NotNull @Valid ObligationRecords.NotificationRequest request) {
        return clocks.view(clocks.recordNotification(id, clockId, request.notifiedAt(), request.reference(),
                Callers.of(identity)), clock.instant());
    }
}
