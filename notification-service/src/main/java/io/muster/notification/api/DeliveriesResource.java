package io.muster.notification.api;

import io.muster.notification.service.PageIntake;
import io.muster.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    PageIntake intake;

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.GAMEDAY })
    public List<DeliveryResponse> forIncident(@QueryParam("incidentId") @NotNull UUID incidentId) {
        return intake.forIncident(incidentId).stream().map(DeliveryResponse::of).toList();
    }

    @GET
    @Path("{pageId}")
    @RolesAllowed({ Roles.VIEWER, Roles.GAMEDAY })
    public DeliveryResponse get(@PathParam("pageId") UUID pageId) {
        PageIntake.DeliveryWithAttempts found = intake.getWithAttempts(pageId);
        return DeliveryResponse.of(found.delivery(), found.attempts());
    }
}
