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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * Whether a person has the access and tools their roles ask for. Anyone may read it; a responder records their own
 * checks (the service refuses anyone else's with 403), an admin anyone's.
 */
@Path("/api/v1/people/{id}/preparedness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonPreparednessResource {

    @Inject
    PreparednessRegister register;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public PersonPreparednessResponse get(@PathParam("id") UUID id) {
        return PersonPreparednessResponse.of(register.ofPerson(id));
    }

    @PUT
    @Path("{itemKey}")
    @RolesAllowed({ Roles.ADMIN, Roles.RESPONDER })
    public PersonPreparednessResponse check(@PathParam("id") UUID id,
            @PathParam("itemKey") @Size(max = 63) String itemKey, @NotNull @Valid PreparednessCheckRequest request) {
        return PersonPreparednessResponse.of(register.check(id, itemKey, request.inPlace(), request.note(),
                CallerAccess.signedIn(identity)));
    }
}
