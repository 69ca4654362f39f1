package io.muster.escalation.api;

import io.muster.escalation.service.PublicRelations;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The installation's public-relations plan: everyone reads it, admins replace it. */
@Path("/api/v1/public-relations-plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicRelationsResource {

    @Inject
    PublicRelations publicRelations;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PublicRelationsRecords.PlanResponse get() {
        return PublicRelationsRecords.PlanResponse.of(publicRelations.plan());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public PublicRelationsRecords.PlanResponse replace(@NotNull @Valid PublicRelationsRecords.PlanRequest request) {
        return PublicRelationsRecords.PlanResponse.of(publicRelations.replace(request.toFields(),
                identity.getPrincipal().getName()));
    }
}
